import * as React from 'react';
import { Caption1, Spinner, Tab, TabList } from '@fluentui/react-components';
import { loadSendCode } from './api/sender-api';
import { LoadErrorBoundary } from './components/LoadErrorBoundary';
import { usePaneStyles } from './components/usePaneStyles';
import { ComposeView } from './features/ComposeView';
import { SenderNotice } from './features/signin/SenderNotice';
import type { SignInStep } from './features/signin/useSignIn';
import { useSenderNotice } from './features/signin/useSenderNotice';
import { useSenderSetup } from './features/signin/useSenderSetup';
import { useI18n } from './i18n/I18nProvider';
import { whenIdle } from './idle';
import { SessionProvider, type Session } from './session';

type Tabs = 'compose' | 'sent' | 'privacy';

// Looked at now and then, and the only user of Fluent's dialog: loaded when the tab is opened.
const SentList = React.lazy(() => import(/* webpackChunkName: "sent" */ './features/sent/SentList').then((m) => ({ default: m.SentList })));
// The sender's own data and, for administrators, the privacy requests: loaded when the tab is opened.
const PrivacyPanel = React.lazy(() => import(/* webpackChunkName: "privacy" */ './features/privacy/PrivacyPanel').then((m) => ({ default: m.PrivacyPanel })));

/** A tab's panel whose code is loaded when it is first shown, with a spinner and a retry. */
function LazyPanel({ tab, children }: { tab: Tabs; children: React.ReactNode }) {
  const { t } = useI18n();
  const styles = usePaneStyles();
  return (
    <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className={styles.section}>
      <LoadErrorBoundary message={t('serviceUnreachable')} retryLabel={t('retry')}>
        <React.Suspense fallback={<Spinner size="tiny" label={t('loading')} />}>{children}</React.Suspense>
      </LoadErrorBoundary>
    </div>
  );
}

export interface SignedInAppProps {
  step: Extract<SignInStep, { kind: 'signedIn' }>;
  signedOut: () => void;
}

export function SignedInApp({ step, signedOut }: SignedInAppProps) {
  const { t } = useI18n();
  const styles = usePaneStyles();
  const { signIn, session: signedIn, config } = step;
  const token = React.useCallback(() => signIn.token(), [signIn]);
  const { settings, failed } = useSenderSetup(token, signedOut);
  const notice = useSenderNotice();
  const [tab, setTab] = React.useState<Tabs>('compose');
  React.useEffect(() => whenIdle(() => void loadSendCode().catch(() => undefined)), []);
  const session = React.useMemo<Session>(
    () => ({ account: signedIn.account, config, token, signedOut, settings, settingsFailed: failed }),
    [signedIn.account, config, token, signedOut, settings, failed],
  );

  return (
    <SessionProvider value={session}>
      <Caption1 className={styles.muted}>{t('signedInAs', { name: signedIn.account.name })}</Caption1>
      {notice.visible ? <SenderNotice privacyUrl={config.privacyUrl} onAcknowledge={notice.acknowledge} /> : null}
      <TabList selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as Tabs)} size="small">
        <Tab value="compose" id="tab-compose" aria-controls="panel-compose">
          {t('tabCompose')}
        </Tab>
        <Tab value="sent" id="tab-sent" aria-controls="panel-sent">
          {t('tabSent')}
        </Tab>
        <Tab value="privacy" id="tab-privacy" aria-controls="panel-privacy">
          {t('tabPrivacy')}
        </Tab>
      </TabList>
      {/* Hidden, not unmounted: an upload keeps going while the sender looks at the list. */}
      <div role="tabpanel" id="panel-compose" aria-labelledby="tab-compose" hidden={tab !== 'compose'} className={styles.section}>
        <ComposeView />
      </div>
      {tab === 'sent' ? (
        <LazyPanel tab="sent">
          <SentList />
        </LazyPanel>
      ) : null}
      {tab === 'privacy' ? (
        <LazyPanel tab="privacy">
          <PrivacyPanel />
        </LazyPanel>
      ) : null}
    </SessionProvider>
  );
}
