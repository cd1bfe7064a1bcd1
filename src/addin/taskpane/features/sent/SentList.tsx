import { Body1, Button, Spinner, Subtitle2 } from '@fluentui/react-components';
import { ErrorNotice } from '../../../../client/components/ErrorNotice';
import { usePaneStyles } from '../../components/usePaneStyles';
import { useI18n } from '../../i18n/I18nProvider';
import { SentMessageItem } from './SentMessageItem';
import { useSentMessages } from './useSentMessages';

export function SentList() {
  const { t } = useI18n();
  const styles = usePaneStyles();
  const { state, refresh, revoke } = useSentMessages();
  return (
    <section className={styles.section} aria-labelledby="sent-title">
      <div className={styles.header}>
        <Subtitle2 as="h2" id="sent-title" className={styles.heading}>
          {t('sentTitle')}
        </Subtitle2>
        <Button size="small" appearance="subtle" onClick={refresh}>
          {t('refresh')}
        </Button>
      </div>
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
    </section>
  );
}
