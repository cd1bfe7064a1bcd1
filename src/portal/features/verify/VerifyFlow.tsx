import { Body1 } from '@fluentui/react-components';
import type { VerifyResponse } from '../../../shared/protocol/api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { StepHeading } from '../../components/StepHeading';
import { useStepStyles } from '../../components/useStepStyles';
import { useI18n } from '../../i18n/I18nProvider';
import { CodeStep } from './CodeStep';
import { EmailStep } from './EmailStep';
import { useVerification } from './useVerification';

export interface VerifyFlowProps {
  messageId: string;
  expiresAt: string | null;
  /** True when the recipient is back here because the reading session ran out. */
  sessionEnded?: boolean;
  onVerified: (session: VerifyResponse) => void;
  onUnavailable: () => void;
}

/** The second factor: e-mail address, then code. Locked is final until the sender re-issues. */
export function VerifyFlow({ messageId, expiresAt, sessionEnded = false, onVerified, onUnavailable }: VerifyFlowProps) {
  const state = useVerification({ messageId, onVerified, onUnavailable });
  const { t } = useI18n();
  const step = useStepStyles();
  if (state.step === 'locked') {
    return (
      <section className={step.step}>
        <StepHeading>{t('lockedTitle')}</StepHeading>
        <ErrorNotice>
          <Body1>{t('lockedBody')}</Body1>
        </ErrorNotice>
      </section>
    );
  }
  if (state.step === 'code' && state.verification) {
    return <CodeStep state={state} verification={state.verification} />;
  }
  return <EmailStep state={state} expiresAt={expiresAt} sessionEnded={sessionEnded} />;
}
