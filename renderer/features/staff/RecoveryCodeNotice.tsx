import { Alert, Button, Code, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A coordinator's recovery code, shown once (only its hash is stored). */
export function RecoveryCodeNotice({ name, code, onDone }: { name: string; code: string; onDone: () => void }) {
  const { t } = useTranslation('staff');
  return (
    <Alert color="yellow" title={t('recovery.title')} role="status">
      <Stack>
        <Text>{t('recovery.shown', { name })}</Text>
        <Code block fz={24} aria-label={t('recovery.title')}>
          {code}
        </Code>
        <Button onClick={onDone} autoFocus>
          {t('recovery.done')}
        </Button>
      </Stack>
    </Alert>
  );
}
