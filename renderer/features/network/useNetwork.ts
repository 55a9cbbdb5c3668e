import { useCallback, useEffect, useState } from 'react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ReportSection } from '@shared/reports';
import { readNetwork, type NetworkData } from '@shared/network/publish';
import { getDesk } from '../../app/desk';
import { loadPassword, useSync } from '../sync/syncStore';
import { figuresServer } from './publish';

export type NetworkState = { step: 'loading' } | { step: 'error'; code: 'notNetwork' | 'forbidden' | 'unreachable' } | { step: 'ready'; data: NetworkData };

/** The network's figures as the coordinator's account reads them (Settings → Sync with `network-<slug>`). */
export function useNetwork(): { network: string | null; state: NetworkState; reload: () => void } {
  const { account, network } = useSync();
  const [state, setState] = useState<NetworkState>({ step: 'loading' });
  const [turn, setTurn] = useState(0);
  useEffect(() => {
    if (!network || !account) {
      setState({ step: 'error', code: 'notNetwork' });
      return;
    }
    let live = true;
    setState({ step: 'loading' });
    void (async () => {
      const server = figuresServer({ ...account, password: await loadPassword() });
      try {
        if (!server) throw Object.assign(new Error('url'), { status: 0 });
        const data = await readNetwork(server, network);
        if (live) setState({ step: 'ready', data });
      } catch (e) {
        const status = (e as { status?: number }).status ?? 0;
        if (live) setState({ step: 'error', code: status === 401 || status === 403 ? 'forbidden' : 'unreachable' });
      }
    })();
    return () => {
      live = false;
    };
  }, [account, network, turn]);
  const reload = useCallback(() => setTurn((n) => n + 1), []);
  return { network, state, reload };
}

/** The Network page's XLSX: the same workbook writer as the Reports page's. */
export function useNetworkExport() {
  const { t } = useTranslation('network');
  const [busy, setBusy] = useState(false);
  const save = async (section: ReportSection, period: string) => {
    setBusy(true);
    try {
      const { reportXlsx } = await import('@shared/reports/exports');
      const data = await reportXlsx([section], { title: section.title, creator: t('file.creator'), created: new Date().toISOString() });
      const r = await getDesk().saveFile({ suggestedName: `${t('file.name', { period })}.xlsx`, data, filters: [{ name: 'Excel', extensions: ['xlsx'] }] });
      if (r.ok) notifications.show({ message: t('saved') });
      else if (r.reason === 'failed') notifications.show({ color: 'red', message: t('saveFailed') });
    } catch {
      notifications.show({ color: 'red', message: t('saveFailed') });
    } finally {
      setBusy(false);
    }
  };
  return { busy, save };
}
