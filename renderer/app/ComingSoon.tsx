import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ComingSoon({ section }: { section: string }) {
  const { t } = useTranslation();
  return (
    <Alert variant="light" title={t('coming.title')} role="status">
      {t('coming.body', { section: t(`coming.sections.${section}`, { defaultValue: section }) })}
    </Alert>
  );
}
