/**
 * The compose item as the secure message will carry it: subject, HTML body and every attachment
 * as a file. An attachment that cannot become bytes is refused by name before anything is sent,
 * so the sender never ends up with a secure message that silently lacks a file.
 */
import type { OutgoingAttachment } from '../../../shared/protocol/sender-client';
import type { OfficeAdapter } from '../../office/office-adapter';
import { toFile, type AttachmentFile } from './attachment-files';

export class AttachmentRefused extends Error {
  constructor(
    readonly attachmentName: string,
    readonly reason: 'cloud' | 'unreadable',
  ) {
    super(`Attachment cannot be encrypted (${reason}).`);
    this.name = 'AttachmentRefused';
  }
}

export interface ComposedMessage {
  subject: string;
  html: string;
  files: AttachmentFile[];
}

export async function readForSend(office: OfficeAdapter): Promise<ComposedMessage> {
  const [subject, html, attachments] = await Promise.all([office.getSubject(), office.getBodyHtml(), office.listAttachments()]);
  // Refuse cloud links before reading any content: that may take a while for large files.
  const cloud = attachments.find((a) => a.kind === 'cloud');
  if (cloud) throw new AttachmentRefused(cloud.name, 'cloud');
  const files: AttachmentFile[] = [];
  // One at a time: Outlook allows few concurrent calls, and large files then never pile up at once.
  for (const a of attachments) {
    let file: AttachmentFile | null;
    try {
      file = toFile(a, await office.getAttachmentContent(a.id));
    } catch {
      throw new AttachmentRefused(a.name, 'unreadable');
    }
    if (!file) throw new AttachmentRefused(a.name, 'cloud');
    files.push(file);
  }
  return { subject, html, files };
}

/** Encryption reads the file in records; a cancelled send stops at the next one. */
const CHUNK = 64 * 1024;

export function toOutgoing(file: AttachmentFile, signal: AbortSignal): OutgoingAttachment {
  return {
    name: file.name,
    type: file.type,
    size: file.bytes.length,
    open: () => {
      let offset = 0;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (signal.aborted) return controller.error(new DOMException('Cancelled', 'AbortError'));
          if (offset >= file.bytes.length) return controller.close();
          controller.enqueue(file.bytes.subarray(offset, (offset += CHUNK)));
        },
      });
    },
  };
}
