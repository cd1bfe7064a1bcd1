/**
 * The Smart Alerts check on Send (OnMessageSend, SoftBlock). Sealed items go without a request.
 * Other items are scanned on what Outlook gives fast (subject, body text, attachment names,
 * recipients) under the organisation's policy: `require` stops the send with a button that opens
 * the pane; `secure` stops it with Send Anyway (PromptUser, Mailbox 1.14; older clients let it
 * go, as the sender may turn `secure` off); `notify` lets it go, the pane already said so.
 *
 * Outlook shows "taking longer than expected" after about 5 s, so the whole check has a 3 s
 * deadline. When the service cannot be reached, when the deadline passes, or when Outlook fails
 * us, the organisation's fail-closed choice decides: stop with "could not check", else let go.
 * `event.completed` runs exactly once, in `finally`, whatever happens.
 */
import { decide, scanPlainMessage, type Decision } from '../../shared/detect';
import type { OfficeAdapter } from '../office/office-adapter';
import { sealedMessageId } from '../office/sealed';
import { withDeadline } from './deadline';
import { loadPolicy, organisationCopy, type PolicyDeps } from './policy-source';
import { cancelLabel, localeOf, stopMessage, uncheckedMessage, type Locale } from './texts';

export const SEND_DEADLINE_MS = 3000;
/** The compose button that opens the pane (manifest `Control id`). */
export const OPEN_PANE_COMMAND = 'SealpostOpenPaneButton';

export type SendOptions = Office.SmartAlertsEventCompletedOptions;

export interface SendEvent {
  completed(options?: SendOptions): void;
}

export interface OnSendDeps extends PolicyDeps {
  deadlineMs?: number;
}

const ALLOW: SendOptions = { allowEvent: true };

function unchecked(locale: Locale): SendOptions {
  return { allowEvent: false, errorMessage: uncheckedMessage(locale) };
}

function stop(office: OfficeAdapter, decision: Decision, locale: Locale): SendOptions {
  const kind = decision.action === 'require' ? 'require' : 'secure';
  const { text, markdown } = stopMessage(kind, decision.reasons.map((r) => r.message), locale);
  const options: SendOptions = { allowEvent: false, errorMessage: text };
  // Each option exists from a requirement set on; older clients get the plain message only.
  if (office.supportsMailbox('1.14')) {
    options.cancelLabel = cancelLabel(locale);
    options.commandId = OPEN_PANE_COMMAND;
    if (kind === 'secure') options.sendModeOverride = 'promptUser';
  }
  if (office.supportsMailbox('1.15')) options.errorMessageMarkdown = markdown;
  return options;
}

async function check(deps: OnSendDeps, locale: Locale): Promise<SendOptions> {
  const { office } = deps;
  if (await sealedMessageId(office)) return ALLOW;
  const [policy, subject, bodyText, attachments, recipients] = await Promise.all([
    loadPolicy(deps),
    office.getSubject(),
    office.getBodyText(),
    office.listAttachments(),
    office.getRecipients(),
  ]);
  if (policy.source === 'offline' && policy.failClosed) return unchecked(locale);
  const to = (field: string) => recipients.filter((r) => r.field === field && r.email).map((r) => r.email);
  const scan = scanPlainMessage(
    {
      subject,
      bodyText,
      attachments: attachments.map((a) => ({ name: a.name })),
      from: office.userProfile().emailAddress,
      to: to('to'),
      cc: to('cc'),
      bcc: to('bcc'),
    },
    policy.policy,
  );
  const decision = decide(scan, policy.policy, { locale });
  if (decision.action === 'require') return stop(office, decision, locale);
  if (decision.action === 'secure' && office.supportsMailbox('1.14')) return stop(office, decision, locale);
  return ALLOW;
}

function attempt<T>(read: () => T, otherwise: T): T {
  try {
    return read();
  } catch {
    return otherwise;
  }
}

/** `makeDeps` runs inside the guard, so even a runtime without Office.js still completes the event. */
export async function onMessageSend(event: SendEvent, makeDeps: () => OnSendDeps): Promise<void> {
  let outcome: SendOptions = ALLOW;
  let locale: Locale = 'en';
  let failClosed = false;
  try {
    const deps = makeDeps();
    locale = attempt(() => localeOf(deps.office.hostInfo().displayLanguage), 'en');
    // Known before any request, so the deadline and errors can honour the organisation's choice.
    failClosed = organisationCopy(deps.office)?.failClosed === true;
    const late = (): SendOptions => (failClosed ? unchecked(locale) : ALLOW);
    outcome = await withDeadline(check(deps, locale), deps.deadlineMs ?? SEND_DEADLINE_MS, late);
  } catch {
    outcome = failClosed ? unchecked(locale) : ALLOW;
  } finally {
    event.completed(outcome);
  }
}
