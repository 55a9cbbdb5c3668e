import { useMemo } from 'react';
import { SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../../app/i18n';
import { deskTimeZone, timeZoneNames } from '../../app/timeZone';
import { attemptWrite } from '../../app/writeFailure';
import { useCentreTimeZone } from './hooks';

export function InterfacePanel() {
  const { t, i18n } = useTranslation('settings');
  const { zone, setZone } = useCentreTimeZone();
  const zones = useMemo(() => timeZoneNames(), []);
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
      <Select
        label={t('interface.timeZone')}
        description={t('interface.timeZoneHint', { zone: deskTimeZone() })}
        data={zones}
        value={zone}
        onChange={(v) => v && void attemptWrite(() => setZone(v))}
        searchable
        allowDeselect={false}
        maxDropdownHeight={320}
      />
    </Stack>
  );
}
