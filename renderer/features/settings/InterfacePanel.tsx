import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../../app/i18n';

export function InterfacePanel() {
  const { t, i18n } = useTranslation('settings');
  return (
    <Stack maw={520}>
      <Text id="language-label" fw={700} size="lg">
        {t('interface.language')}
      </Text>
      <SegmentedControl
        aria-labelledby="language-label"
        size="md"
        value={i18n.language}
        onChange={(v) => void setLanguage(v as Language)}
        data={[
          { value: 'ru', label: t('languages.ru', { ns: 'common' }) },
          { value: 'en', label: t('languages.en', { ns: 'common' }) },
        ]}
      />
      <Text c="dimmed">{t('interface.languageHint')}</Text>
    </Stack>
  );
}
