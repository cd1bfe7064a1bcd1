import { Body1, Spinner } from '@fluentui/react-components';
import { ErrorNotice } from '../../../../client/components/ErrorNotice';
import { usePaneStyles } from '../../components/usePaneStyles';
import { PaneSection } from '../../components/PaneSection';
import { useI18n } from '../../i18n/I18nProvider';
import { SentMessageItem } from './SentMessageItem';
import { useSentMessages } from './useSentMessages';

export function SentList() {
  const { t } = useI18n();
  const styles = usePaneStyles();
  const { state, refresh, revoke } = useSentMessages();
  return (
    <PaneSection id="sent-title" title={t('sentTitle')} action={{ label: t('refresh'), onClick: refresh }}>
      {state.kind === 'loading' ? <Spinner size="tiny" label={t('loading')} /> : null}
      {state.kind === 'failed' ? <ErrorNotice>{t('sentFailed')}</ErrorNotice> : null}
      {state.kind === 'done' && state.messages.length === 0 ? <Body1 className={styles.muted}>{t('sentEmpty')}</Body1> : null}
      {state.kind === 'done' && state.messages.length > 0 ? (
        <ul className={styles.list}>
          {state.messages.map((m) => (
            <SentMessageItem key={m.id} message={m} onRevoke={revoke} />
          ))}
        </ul>
      ) : null}
    </PaneSection>
  );
}
