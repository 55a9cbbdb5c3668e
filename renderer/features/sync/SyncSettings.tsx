import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Group, List, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { Modal } from '../../app/dialogs';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { isCentreSlug, normaliseServerUrl, type CheckServerReport } from '@shared/sync';
import { checkSyncUrl } from '@shared/net/syncUrl';
import { getDesk } from '../../app/desk';
import { loadAccount, loadPassword, syncService, useSync, type SyncAccount } from './syncStore';
import { useCollectionNames } from './hooks';
import { useCoordinator } from '../staff/hooks';
import { testConnection, type TestResult } from './testConnection';
import { useInbox } from './useInbox';
import { docLabel, useReasonWords } from './words';
import { UpdateAction } from '../../app/UpdateBanner';

interface Values extends SyncAccount {
  password: string;
  inBuilding: boolean;
}

const sameAccount = (a: SyncAccount | null, b: SyncAccount) =>
  !!a && normaliseServerUrl(a.url, a.inBuilding) === normaliseServerUrl(b.url, b.inBuilding) && a.centre === b.centre && a.user === b.user;

/** Plain http to a host that is not this computer: the centre's "server in this building" choice is in force. */
function InBuildingNote({ account }: { account: SyncAccount }) {
  const { t } = useTranslation('sync');
  const checked = checkSyncUrl(account.url, { inBuilding: account.inBuilding ?? false });
  if (!checked.ok || checked.https || checked.loopback) return null;
  return (
    <Alert color="yellow" title={t('settings.inBuildingTitle')} role="note">
      {t('settings.inBuilding', { url: checked.url })}
    </Alert>
  );
}

function TestResultAlert({ result }: { result: TestResult }) {
  const { t } = useTranslation('sync');
  if (result.ok)
    return (
      <Alert color="teal" title={t('test.okTitle')} role="status">
        {t('test.ok', { count: result.databases })}
      </Alert>
    );
  return (
    <Alert color="red" title={t('test.failTitle')} role="alert">
      <Text>{t(`test.${result.code}`, { defaultValue: t(`errors.${result.code}`) })}</Text>
      {result.missing && <Text mt="xs">{t('test.missingList', { list: result.missing.join(', ') })}</Text>}
    </Alert>
  );
}

function CouldNotSync() {
  const { t } = useTranslation('sync');
  const { refused, held, invalid } = useInbox();
  const words = useReasonWords();
  const collection = (c: string) => t(`collections.${c}`, { defaultValue: c });
  const named = (c: string, json: string, id: string) => {
    const label = docLabel(c, json);
    return label ? t('refused.docNamed', { collection: collection(c), label }) : t('refused.doc', { collection: collection(c), id });
  };
  return (
    <>
      {held.length > 0 && (
        <Alert color="orange" title={t('held.title')} role="alert">
          {t('held.body', { count: held.length })}
          <UpdateAction />
        </Alert>
      )}
      {invalid.length > 0 && (
        <Alert color="orange" title={t('invalid.title')} role="alert">
          <Text>{t('invalid.body', { count: invalid.length })}</Text>
          <List spacing="xs" mt="xs" aria-label={t('invalid.title')}>
            {invalid.map((r) => (
              <List.Item key={r.id}>{t('invalid.item', { label: named(r.docCollection, r.other, r.docId), reason: words(String(r.fields[0] ?? '')) })}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('refused.title')}
        </Title>
        {refused.length === 0 ? (
          <Text c="dimmed">{t('refused.none')}</Text>
        ) : (
          <List spacing="xs" aria-label={t('refused.title')}>
            {refused.map((r) => (
              <List.Item key={r.id}>
                <Text span fw={700}>
                  {named(r.docCollection, r.kept, r.docId)}
                </Text>
                {' — '}
                {t('refused.reason', { reason: words(r.other || r.fields.join(', ')) })}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </>
  );
}

/** Settings → Sync: the account, a precise connection test, start/stop, check the server, what could not sync. */
export default function SyncSettings() {
  const { t } = useTranslation('sync');
  const collectionNames = useCollectionNames();
  const sync = useSync();
  const coordinator = useCoordinator();
  const [testing, setTesting] = useState(false);
  const [result, setResult] = useState<TestResult | null>(null);
  const [unencrypted, setUnencrypted] = useState(false);
  const [confirm, setConfirm] = useState<Values | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkReport, setCheckReport] = useState<CheckServerReport | { error: string } | null>(null);

  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { url: '', centre: '', user: '', password: '', inBuilding: false },
    validate: {
      url: (v, values) => {
        const checked = checkSyncUrl(v, { inBuilding: values.inBuilding });
        return checked.ok ? null : t(`validation.urlProblem.${checked.problem}`);
      },
      centre: (v) => (isCentreSlug(v.trim()) ? null : t('validation.centre')),
      user: (v) => (v.trim() ? null : t('validation.required')),
      password: (v) => (v ? null : t('validation.required')),
    },
  });

  useEffect(() => {
    let live = true;
    void (async () => {
      const account = loadAccount();
      const password = account ? await loadPassword() : '';
      const info = await getDesk().appInfo();
      if (!live) return;
      if (account) form.setValues({ ...account, password, inBuilding: account.inBuilding ?? false });
      setUnencrypted(!info.secretsEncrypted);
    })();
    return () => {
      live = false;
    };
    // once, on opening the tab
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const trimmed = (v: Values): Values => ({
    url: normaliseServerUrl(v.url, v.inBuilding) ?? v.url.trim(),
    centre: v.centre.trim(),
    user: v.user.trim(),
    password: v.password,
    inBuilding: v.inBuilding,
  });

  const runTest = async () => {
    if (form.validate().hasErrors) return;
    setTesting(true);
    setResult(null);
    try {
      const v = trimmed(form.getValues());
      const csp = await getDesk().setSyncServer(v.url, v.inBuilding);
      setResult(csp.ok && csp.reloadRequired ? { ok: false, code: 'reloadNeeded' } : await testConnection(v, collectionNames));
    } finally {
      setTesting(false);
    }
  };

  const save = async (v: Values) => {
    setConfirm(null);
    await coordinator(() => syncService.save({ url: v.url, centre: v.centre, user: v.user, ...(v.inBuilding ? { inBuilding: true } : {}) }, v.password));
  };
  const submit = form.onSubmit((values) => {
    const v = trimmed(values);
    // switching to another account while changes are unsent: they would stay on this desk only — ask first
    if (sync.running && syncService.pending() > 0 && !sameAccount(sync.account, v)) setConfirm(v);
    else void save(v);
  });

  const checkServer = async () => {
    setChecking(true);
    setCheckReport(null);
    try {
      setCheckReport(await syncService.checkServer());
    } catch (e) {
      setCheckReport({ error: String((e as { code?: string }).code ?? 'server') });
    } finally {
      setChecking(false);
    }
  };

  return (
    <Stack gap="lg" maw={720}>
      <Title order={2} size="h3">
        {t('settings.title')}
      </Title>
      <Text>{t('settings.intro')}</Text>
      {unencrypted && (
        <Alert color="orange" title={t('settings.unencryptedTitle')} role="note">
          {t('settings.unencrypted')}
        </Alert>
      )}
      <form onSubmit={submit} noValidate aria-label={t('settings.title')}>
        <Stack gap="md">
          <TextInput size="md" label={t('fields.url')} description={t('fields.urlHint')} placeholder="https://couch.example.org/" required {...form.getInputProps('url')} key={form.key('url')} />
          <Checkbox
            size="md"
            label={t('fields.inBuilding')}
            description={t('fields.inBuildingHint')}
            {...form.getInputProps('inBuilding', { type: 'checkbox' })}
            onChange={(e) => {
              form.setFieldValue('inBuilding', e.currentTarget.checked);
              // the address's message depends on this choice: say the new verdict at once
              if (form.errors['url']) form.validateField('url');
            }}
            key={form.key('inBuilding')}
          />
          <TextInput size="md" label={t('fields.centre')} description={t('fields.centreHint')} required {...form.getInputProps('centre')} key={form.key('centre')} />
          <TextInput size="md" label={t('fields.user')} required autoComplete="username" {...form.getInputProps('user')} key={form.key('user')} />
          <PasswordInput size="md" label={t('fields.password')} required autoComplete="current-password" {...form.getInputProps('password')} key={form.key('password')} />
          <Group>
            <Button size="md" variant="default" onClick={() => void runTest()} loading={testing}>
              {t('actions.test')}
            </Button>
            <Button size="md" type="submit">
              {sync.running ? t('actions.saveRestart') : t('actions.saveStart')}
            </Button>
            {sync.enabled && (
              <Button size="md" color="red" variant="light" onClick={() => void coordinator(() => syncService.stop())}>
                {t('actions.stop')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
      <div aria-live="polite">{result && <TestResultAlert result={result} />}</div>
      {sync.startError && (
        <Alert color="red" role="alert" title={t('settings.notStarted')}>
          {t(`errors.${sync.startError}`)}
        </Alert>
      )}
      {sync.running && sync.account && <InBuildingNote account={sync.account} />}
      <Text role="status">{sync.running ? t('settings.running', { centre: sync.account?.centre ?? '' }) : sync.account && (!sync.enabled || sync.startError === 'removed') ? t('settings.stopped') : t('settings.off')}</Text>
      {sync.running && sync.status?.phase === 'error' && sync.status.lastError && (
        <Alert color="red" role="alert" title={t(`errors.${sync.status.lastError.code}`, { defaultValue: t('errors.server') })}>
          {t('settings.errorDetail', { detail: sync.status.lastError.detail })}
        </Alert>
      )}

      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('check.title')}
        </Title>
        <Text>{t('check.intro')}</Text>
        <Group>
          <Button size="md" variant="default" onClick={() => void checkServer()} loading={checking} disabled={!sync.running}>
            {t('actions.check')}
          </Button>
        </Group>
        <div aria-live="polite">
          {checkReport &&
            ('error' in checkReport ? (
              <Alert color="red" role="alert">
                {t(`errors.${checkReport.error}`, { defaultValue: t('errors.server') })}
              </Alert>
            ) : (
              <Alert color="teal" role="status">
                {t('check.report', { checked: checkReport.checked, missing: checkReport.missing, older: checkReport.older, resent: checkReport.resent })}
              </Alert>
            ))}
        </div>
      </Stack>
      <CouldNotSync />

      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title={t('switch.title')} centered>
        <Stack>
          <Text>{t('switch.body', { count: syncService.pending() })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(null)}>
              {t('switch.cancel')}
            </Button>
            <Button color="red" onClick={() => confirm && void save(confirm)}>
              {t('switch.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
