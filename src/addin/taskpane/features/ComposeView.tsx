import { useSession } from '../session';
import { FindingsPanel } from './findings/FindingsPanel';
import { useFindings } from './findings/useFindings';
import { RecipientsPanel } from './recipients/RecipientsPanel';
import { useRecipients } from './recipients/useRecipients';
import { SecureSendPanel } from './send/SecureSendPanel';
import { useSecureSend } from './send/useSecureSend';

/** The message being written: what is sensitive in it, who gets it and how they verify, and sending it. */
export function ComposeView() {
  const { config, settingsFailed } = useSession();
  const recipients = useRecipients();
  // Recipient checks depend on who it goes to: scan again when the list changes.
  const findings = useFindings(recipients.rows.map((r) => r.key).join(','));
  const send = useSecureSend(recipients.collect, recipients.rows.length > 0);
  if (send.step.kind === 'sealed') return <SecureSendPanel send={send} />;
  return (
    <>
      <FindingsPanel findings={findings} policyMissing={settingsFailed} />
      <RecipientsPanel recipients={recipients} privacyUrl={config.privacyUrl} />
      <SecureSendPanel send={send} />
    </>
  );
}
