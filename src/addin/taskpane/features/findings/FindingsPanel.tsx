import { Badge, Body1, Caption1, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text } from '@fluentui/react-components';
import type { DecisionAction } from '../../../../shared/detect';
import { ErrorNotice } from '../../../../client/components/ErrorNotice';
import { usePaneStyles } from '../../components/usePaneStyles';
import { PaneSection } from '../../components/PaneSection';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { reasonDetails } from './reason-details';
import type { useFindings } from './useFindings';
import { useFindingsStyles } from './useFindingsStyles';

const DECISIONS: Record<Exclude<DecisionAction, 'allow'>, { title: MessageKey; intent: 'info' | 'warning' | 'error' }> = {
  notify: { title: 'decisionNotify', intent: 'info' },
  secure: { title: 'decisionSecure', intent: 'warning' },
  require: { title: 'decisionRequire', intent: 'error' },
};
const ACTIONS: Record<Exclude<DecisionAction, 'allow'>, MessageKey> = { notify: 'actionNotify', secure: 'actionSecure', require: 'actionRequire' };

export interface FindingsPanelProps {
  findings: ReturnType<typeof useFindings>;
  policyMissing: boolean;
}

export function FindingsPanel({ findings: { state, recheck }, policyMissing }: FindingsPanelProps) {
  const { t } = useI18n();
  const pane = usePaneStyles();
  const styles = useFindingsStyles();
  const decision = state.kind === 'done' ? state.decision : null;
  return (
    <PaneSection id="findings-title" title={t('findingsTitle')} action={{ label: t('findingsRecheck'), onClick: recheck }}>
      {policyMissing ? <Caption1 className={pane.muted}>{t('findingsPolicyDefault')}</Caption1> : null}
      {state.kind === 'checking' ? <Spinner size="tiny" label={t('findingsChecking')} /> : null}
      {state.kind === 'failed' ? <ErrorNotice>{t('findingsFailed')}</ErrorNotice> : null}
      {decision?.action === 'allow' ? <Body1 role="status">{t('findingsNone')}</Body1> : null}
      {state.kind === 'done' && decision && decision.action !== 'allow' ? (
        <MessageBar intent={DECISIONS[decision.action].intent} layout="multiline" role="status">
          <MessageBarBody>
            <MessageBarTitle>{t(DECISIONS[decision.action].title)}</MessageBarTitle>
            <ul className={styles.reasons}>
              {decision.reasons.map((reason) => (
                <li key={`${reason.rule}:${reason.label ?? ''}`} className={styles.reason}>
                  <Text>{reason.message}</Text>{' '}
                  <Badge appearance="tint" color={reason.action === 'notify' ? 'informative' : reason.action === 'secure' ? 'warning' : 'danger'}>
                    {t('findingPolicy', { action: t(ACTIONS[reason.action]) })}
                  </Badge>
                  <ul className={styles.details}>
                    {reasonDetails(reason, state.scan, state.policy, state.attachmentNames, t).map((d) => (
                      <li key={`${d.preview}|${d.where}`}>
                        {d.preview ? <code className={styles.preview}>{d.preview}</code> : null} <Caption1>{d.where}</Caption1>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </PaneSection>
  );
}
