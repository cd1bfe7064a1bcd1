import * as React from 'react';
import type { ErrorCode } from '../../../../shared/errors';
import type { SentMessage } from '../../../../shared/protocol/sender-client';
import { AttachmentRefused, readForSend, toOutgoing } from '../../compose/read-for-send';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey, MessageVars } from '../../i18n/messages';
import { useTaskpaneServices } from '../../services';
import { useSession } from '../../session';
import { sealedMessageId } from '../../../office/sealed';
import type { CollectedRecipients } from '../recipients/useRecipients';
import { noticeHtml } from './notice';
import { sealItem } from './seal-item';

export interface Problem {
  key: MessageKey;
  vars?: MessageVars;
  intent: 'error' | 'info';
}

export type SendStep =
  | { kind: 'idle'; problem: Problem | null }
  | { kind: 'preparing' }
  | { kind: 'uploading'; fraction: number | null }
  | { kind: 'sealing' }
  | { kind: 'sealFailed'; retry: () => void }
  | { kind: 'sealed'; sent: SentMessage | null; accessCodes: Array<{ name: string; code: string }>; canSendNow: boolean };

const API_PROBLEMS: Partial<Record<ErrorCode, MessageKey>> = { payload_too_large: 'sendTooLarge', unavailable: 'sendUnavailable' };
const CANCELLED: Problem = { key: 'sendCancelled', intent: 'info' };

/**
 * "Send securely": read the item, encrypt and upload in the pane, then rewrite the item. Until
 * the upload is complete the item is untouched, so a cancel or a failure leaves the draft as it was.
 */
export function useSecureSend(collect: () => CollectedRecipients | null, hasRecipients: boolean) {
  const { office, api } = useTaskpaneServices();
  const session = useSession();
  const i18n = useI18n();
  const [step, setStep] = React.useState<SendStep>({ kind: 'idle', problem: null });
  const run = React.useRef<AbortController | null>(null);

  // Opened again on an item sealed earlier: offer to send it, not to seal the notice itself.
  React.useEffect(() => {
    let live = true;
    sealedMessageId(office).then(
      (id) => live && id && setStep((current) => (current.kind === 'idle' ? { kind: 'sealed', sent: null, accessCodes: [], canSendNow: office.supportsMailbox('1.15') } : current)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [office]);

  const start = React.useCallback(async () => {
    const recipients = collect();
    if (!recipients) return setStep({ kind: 'idle', problem: { key: hasRecipients ? 'sendCheckRecipients' : 'sendNoRecipients', intent: 'error' } });
    const controller = new AbortController();
    run.current = controller;
    const current = () => run.current === controller && !controller.signal.aborted;
    const fail = (problem: Problem) => current() && setStep({ kind: 'idle', problem });
    setStep({ kind: 'preparing' });
    try {
      const composed = await readForSend(office);
      const token = await session.token().catch(() => null);
      if (!token) return session.signedOut();
      if (!current()) return;
      setStep({ kind: 'uploading', fraction: null });
      let shown = -1;
      const message = { subject: composed.subject, html: composed.html, from: session.account, attachments: composed.files.map((f) => toOutgoing(f, controller.signal)) };
      const result = await api.send(token, message, recipients.inputs, {
        locale: i18n.locale,
        signal: controller.signal,
        // Whole percents only: the bar cannot show more, and React need not render per record.
        onProgress: (fraction) => {
          const percent = fraction === null ? -1 : Math.floor(fraction * 100);
          if (percent !== shown && current()) setStep({ kind: 'uploading', fraction: percent < 0 ? null : percent / 100 });
          shown = percent;
        },
      });
      if (!current()) {
        // Cancelled a moment too late: do not leave an orphan that recipients could still open.
        if (result.ok) void api.revoke(token, result.data.id);
        return;
      }
      if (!result.ok) {
        if (result.error.code === 'unauthenticated') return session.signedOut();
        return fail({ key: API_PROBLEMS[result.error.code] ?? 'sendFailed', intent: 'error' });
      }
      await recipients.remember().catch(() => undefined);
      await seal(result.data, composed.files.map((f) => f.id), recipients.inputs);
    } catch (error) {
      if (error instanceof AttachmentRefused) {
        return fail({ key: error.reason === 'cloud' ? 'refusedCloud' : 'refusedUnreadable', vars: { name: error.attachmentName }, intent: 'error' });
      }
      fail({ key: 'sendFailed', intent: 'error' });
    }

    async function seal(sent: SentMessage, attachmentIds: string[], inputs: CollectedRecipients['inputs']) {
      setStep({ kind: 'sealing' });
      const html = noticeHtml(i18n, { sender: session.account, link: sent.link, expiresAt: sent.expiresAt });
      const names = new Map(inputs.map((r) => [r.email.toLowerCase(), r.name]));
      try {
        await sealItem(office, sent.id, html, attachmentIds);
        setStep({
          kind: 'sealed',
          sent,
          canSendNow: office.supportsMailbox('1.15'),
          accessCodes: sent.recipients.flatMap((r) => (r.accessCode ? [{ name: names.get(r.email.toLowerCase()) || r.email, code: r.accessCode }] : [])),
        });
      } catch {
        setStep({ kind: 'sealFailed', retry: () => void seal(sent, attachmentIds, inputs) });
      }
    }
  }, [collect, hasRecipients, office, api, session, i18n]);

  const cancel = React.useCallback(() => {
    run.current?.abort();
    run.current = null;
    setStep({ kind: 'idle', problem: CANCELLED });
  }, []);

  return { step, start, cancel };
}
