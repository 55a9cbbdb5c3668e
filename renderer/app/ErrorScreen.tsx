import { Component, useMemo, useState, type ErrorInfo, type ReactNode } from 'react';
import { useNavigate, useRouteError } from 'react-router';
import { Alert, Button, Container, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorDetails, isChunkLoadError, isNotFound } from './errorDetails';

interface Props {
  error: unknown;
  /** `app`: nothing else of the desk could be shown; `section`: the navigation is still there around it. */
  scope: 'app' | 'section';
  onToday: () => void;
}

/**
 * The desk's own error page, in the volunteer's language: what happened in plain words, "reload", "go to Today" and
 * "copy details for the coordinator" (the details are also shown, to copy by hand where the clipboard is refused).
 * Never a framework's developer page.
 */
export function ErrorScreen({ error, scope, onToday }: Props) {
  const { t } = useTranslation();
  const details = useMemo(() => errorDetails(error), [error]);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(details);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  const body = (
    <Stack gap="md" maw={760}>
      <Title order={scope === 'app' ? 1 : 2} size="h2">
        {t(scope === 'app' ? 'failure.appTitle' : 'failure.sectionTitle')}
      </Title>
      {isChunkLoadError(error) && <Text size="lg">{t('failure.chunk')}</Text>}
      {isNotFound(error) && <Text size="lg">{t('failure.notFound')}</Text>}
      <Text size="lg">{t('failure.body')}</Text>
      <Group>
        <Button size="md" onClick={() => window.location.reload()}>
          {t('failure.reload')}
        </Button>
        <Button size="md" variant="default" onClick={onToday}>
          {t('failure.today')}
        </Button>
        <Button size="md" variant="light" onClick={() => void copy()}>
          {t('failure.copy')}
        </Button>
      </Group>
      {copied && (
        <Alert color={copied === 'yes' ? 'green' : 'orange'} role="status">
          {t(copied === 'yes' ? 'failure.copied' : 'failure.copyFailed')}
        </Alert>
      )}
      <Textarea label={t('failure.details')} value={details} readOnly autosize minRows={3} maxRows={8} styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }} />
    </Stack>
  );
  return scope === 'app' ? (
    <Container size="md" py="xl" role="alert">
      {body}
    </Container>
  ) : (
    <Paper withBorder p="lg" role="alert">
      {body}
    </Paper>
  );
}

/** React Router's errorElement: a section (or the whole layout) that threw, or whose code could not be loaded. */
export function RouteError({ scope }: { scope: 'app' | 'section' }) {
  const error = useRouteError();
  const navigate = useNavigate();
  return <ErrorScreen error={error} scope={scope} onToday={() => void navigate('/')} />;
}

/** Around everything (router, background services): what throws outside any section still gets the desk's page. */
export class AppErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state = { error: null as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { error: error ?? new Error('unknown') };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <ErrorScreen
        error={this.state.error}
        scope="app"
        onToday={() => {
          window.location.hash = '#/';
          window.location.reload();
        }}
      />
    );
  }
}
