/**
 * What the pane lists under each reason of a decision: the masked previews of the findings that
 * counted, and where they were, or the recipients' domains, or the unreadable attachments.
 * Never a matched value: the engine only hands out masked previews.
 */
import { CONFIDENCES, type MessageScan, type Policy, type Reason, type UnscannedReason } from '../../../../shared/detect';
import type { I18n } from '../../i18n/I18nProvider';

export interface Detail {
  preview: string | null;
  where: string;
}

const MAX_DETAILS = 10;

// Why an attachment was not (fully) checked; `no-content` (Outlook gave nothing to read) has no more to say.
const UNSCANNED = {
  'unsupported-type': 'unscannedType',
  'too-large': 'unscannedTooLarge',
  truncated: 'unscannedTruncated',
  unreadable: 'unscannedUnreadable',
  'no-content': 'unscanned',
} as const satisfies Record<UnscannedReason, string>;

export function reasonDetails(reason: Reason, scan: MessageScan, policy: Policy, names: readonly string[], t: I18n['t']): Detail[] {
  const nameOf = (i: number | undefined) => names[i ?? -1] ?? '';
  const rule = policy.rules[reason.rule];
  const details: Detail[] = [];
  if (reason.rule === 'unscanned') {
    for (const u of scan.unscanned) details.push({ preview: null, where: t(UNSCANNED[u.reason], { name: nameOf(u.attachment) }) });
  } else {
    for (const r of scan.recipients) if (r.check === reason.rule) details.push({ preview: null, where: r.preview });
    for (const f of scan.findings) {
      if (f.detector !== reason.rule || (reason.label !== undefined && f.label !== reason.label)) continue;
      if (CONFIDENCES.indexOf(f.confidence) < CONFIDENCES.indexOf(rule.minConfidence)) continue;
      const where =
        f.part === 'subject' ? t('partSubject')
        : f.part === 'body' ? t('partBody')
        : f.part === 'attachment-name' ? t('partAttachmentName', { name: nameOf(f.attachment) })
        : t('partAttachment', { name: nameOf(f.attachment) });
      details.push({ preview: f.preview, where });
    }
  }
  const seen = new Set<string>();
  return details.filter((d) => !seen.has(`${d.preview}|${d.where}`) && seen.add(`${d.preview}|${d.where}`)).slice(0, MAX_DETAILS);
}
