import { useMemo } from 'react';
import { SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../../app/i18n';
import { deskTimeZone, setCentreTimeZone, timeZoneNames, useCentreTimeZone } from '../../app/timeZone';

export function InterfacePanel() {
  const { t, i18n } = useTranslation('settings');
  const zone = useCentreTimeZone();
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
        onChange={(v) => setCentreTimeZone(v)}
        searchable
        allowDeselect={false}
        maxDropdownHeight={320}
      />
    </Stack>
  );
}
