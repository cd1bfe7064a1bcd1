import { Button, Field, ProgressBar, Spinner } from '@fluentui/react-components';
import { ErrorNotice } from '../../../../client/components/ErrorNotice';
import { usePaneStyles } from '../../components/usePaneStyles';
import { useI18n } from '../../i18n/I18nProvider';
import { SealedPanel } from './SealedPanel';
import type { useSecureSend } from './useSecureSend';

export interface SecureSendPanelProps {
  send: ReturnType<typeof useSecureSend>;
}

export function SecureSendPanel({ send: { step, start, cancel } }: SecureSendPanelProps) {
  const { t } = useI18n();
  const styles = usePaneStyles();
  if (step.kind === 'sealed') return <SealedPanel step={step} />;
  const busy = step.kind === 'preparing' || step.kind === 'uploading';
  return (
    <section className={styles.section} aria-label={t('sendSecurely')}>
      {step.kind === 'idle' && step.problem ? (
        <ErrorNotice intent={step.problem.intent} role={step.problem.intent === 'error' ? 'alert' : 'status'}>
          {t(step.problem.key, step.problem.vars)}
        </ErrorNotice>
      ) : null}
      {step.kind === 'preparing' ? <Spinner size="tiny" label={t('sendPreparing')} /> : null}
      {step.kind === 'uploading' ? (
        <Field label={t('progressLabel')} hint={step.fraction === null ? undefined : t('progressPercent', { percent: Math.round(step.fraction * 100) })}>
          {/* No value yet means indeterminate: the total is known once the message exists. */}
          <ProgressBar value={step.fraction ?? undefined} max={1} thickness="large" />
        </Field>
      ) : null}
      {step.kind === 'sealing' ? <Spinner size="tiny" label={t('sendSealing')} /> : null}
      {step.kind === 'sealFailed' ? (
        <ErrorNotice>
          {t('rewriteFailed')}{' '}
          <Button size="small" onClick={step.retry}>
            {t('retry')}
          </Button>
        </ErrorNotice>
      ) : null}
      <div className={styles.actions}>
        {busy ? (
          <Button onClick={cancel}>{t('cancel')}</Button>
        ) : step.kind === 'idle' ? (
          <Button appearance="primary" onClick={() => void start()}>
            {t('sendSecurely')}
          </Button>
        ) : null}
      </div>
    </section>
  );
}
