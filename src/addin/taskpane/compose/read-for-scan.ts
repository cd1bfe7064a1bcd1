/**
 * What the detection engine looks at, read from the compose item: subject, HTML body, recipients,
 * attachment names, and the content of attachments the engine can read as text. Nothing read here
 * leaves the pane.
 */
import type { AttachmentInput, MessageInput } from '../../../shared/detect';
import type { ComposeAttachment, OfficeAdapter } from '../../office/office-adapter';
import { mimeTypeOf, toFile } from './attachment-files';

/** Text attachments larger than this are listed as not checked rather than read into the pane. */
export const SCAN_MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;
const TEXT_NAMES = /\.(txt|text|csv|tsv|htm|html|xhtml|md|json|xml|log|ics|vcf)$/i;

async function attachmentInput(office: OfficeAdapter, a: ComposeAttachment): Promise<AttachmentInput> {
  const input: AttachmentInput = { name: a.name, contentType: mimeTypeOf(a.name, a.contentType) };
  if (a.kind !== 'file' || !TEXT_NAMES.test(a.name) || a.size > SCAN_MAX_ATTACHMENT_BYTES) return input;
  try {
    const file = toFile(a, await office.getAttachmentContent(a.id));
    if (file) input.bytes = file.bytes;
  } catch {
    // Unreadable now: the engine reports it as not checked, which the policy may care about.
  }
  return input;
}

export async function readForScan(office: OfficeAdapter): Promise<{ input: MessageInput; attachmentNames: string[] }> {
  const [subject, bodyHtml, recipients, attachments] = await Promise.all([
    office.getSubject(),
    office.getBodyHtml(),
    office.getRecipients(),
    office.listAttachments(),
  ]);
  const of = (field: string) => recipients.filter((r) => r.field === field && r.email).map((r) => r.email);
  return {
    input: {
      subject,
      bodyHtml,
      from: office.userProfile().emailAddress,
      to: of('to'),
      cc: of('cc'),
      bcc: of('bcc'),
      attachments: await Promise.all(attachments.map((a) => attachmentInput(office, a))),
    },
    attachmentNames: attachments.map((a) => a.name),
  };
}
