/**
 * What the detection engine looks at, read from the compose item: subject, HTML body, recipients,
 * attachment names, and the content of attachments the engine can read: text files, and Word,
 * Excel, PowerPoint and OpenDocument files, whose text is read out here. Nothing read here leaves
 * the pane.
 */
import type { AttachmentInput, MessageInput } from '../../../shared/detect';
import { officeDocumentText, officeKindOf } from '../../../shared/detect/office-documents';
import type { ComposeAttachment, OfficeAdapter } from '../../office/office-adapter';
import { mimeTypeOf, toFile } from './attachment-files';

/** Text attachments larger than this are listed as not checked rather than read into the pane. */
export const SCAN_MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;
/** The same for Word, Excel, PowerPoint and OpenDocument files: mostly compressed XML and images. */
export const SCAN_MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
const TEXT_NAMES = /\.(txt|text|csv|tsv|htm|html|xhtml|md|json|xml|log|ics|vcf)$/i;

async function attachmentInput(office: OfficeAdapter, a: ComposeAttachment): Promise<AttachmentInput> {
  const input: AttachmentInput = { name: a.name, contentType: mimeTypeOf(a.name, a.contentType) };
  const document = officeKindOf(a.name, input.contentType);
  if (a.kind !== 'file' || (!document && !TEXT_NAMES.test(a.name))) return input;
  if (a.size > (document ? SCAN_MAX_DOCUMENT_BYTES : SCAN_MAX_ATTACHMENT_BYTES)) return { ...input, tooLarge: true };
  try {
    const file = toFile(a, await office.getAttachmentContent(a.id));
    if (file && document) {
      const { text, truncated } = await officeDocumentText(file.bytes, document);
      input.text = text;
      if (truncated) input.truncated = true;
    } else if (file) {
      input.bytes = file.bytes;
    }
  } catch {
    // Unreadable (now, or at all: a damaged or password-protected document, or a webview without
    // DecompressionStream): the engine reports it as not checked, which the policy may care about.
    input.unreadable = true;
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
