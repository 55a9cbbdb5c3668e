import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { CentreForm } from './CentreForm';
import { ClosuresPanel } from './ClosuresPanel';
import { RoomsPanel } from './RoomsPanel';
import { InterfacePanel } from './InterfacePanel';
import SyncSettings from '../sync/SyncSettings';
import BackupPanel from '../reports/BackupPanel';
import DemoDataPanel from '../demo/DemoDataPanel';
import { StaffPanel } from '../staff/StaffPanel';

const TABS = ['centre', 'rooms', 'staff', 'sync', 'data', 'interface'] as const;

/** Settings: the centre, rooms, staff, sync, data (backup, demo) and the interface language. */
export default function SettingsPage() {
  const { t } = useTranslation('settings');
  const navigate = useNavigate();
  const location = useLocation();
  const current = TABS.find((tab) => location.pathname.endsWith(`/${tab}`)) ?? 'centre';

  return (
    <Stack>
      <Title order={2}>{t('title')}</Title>
      <Tabs value={current} onChange={(v) => v && void navigate(`/settings/${v}`)} keepMounted={false}>
        <Tabs.List aria-label={t('title')}>
          {TABS.map((tab) => (
            <Tabs.Tab key={tab} value={tab} fz="lg">
              {t(`tabs.${tab}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {/* A panel per tab (the tabs' aria-controls point at them); the route's content shows in the active one. */}
        {TABS.map((tab) => (
          <Tabs.Panel key={tab} value={tab} pt="md">
            {tab === current && (
              <Routes>
                <Route index element={<Stack><CentreForm /><ClosuresPanel /></Stack>} />
                <Route path="centre" element={<Stack><CentreForm /><ClosuresPanel /></Stack>} />
                <Route path="rooms" element={<RoomsPanel />} />
                <Route path="staff" element={<StaffPanel />} />
                <Route path="sync" element={<SyncSettings />} />
                <Route
                  path="data"
                  element={
                    <Stack gap="xl">
                      <BackupPanel />
                      <DemoDataPanel />
                    </Stack>
                  }
                />
                <Route path="interface" element={<InterfacePanel />} />
              </Routes>
            )}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
