/**
 * Attachments as files: Outlook gives file attachments as base64, attached e-mails as EML text
 * and attached events as iCalendar text; all three become bytes with a name and a MIME type.
 * Cloud attachments are only a link to a file elsewhere and cannot become bytes here.
 */
import type { AttachmentContent, ComposeAttachment } from '../../office/office-adapter';

const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  txt: 'text/plain',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  md: 'text/markdown',
  htm: 'text/html',
  html: 'text/html',
  xml: 'application/xml',
  json: 'application/json',
  ics: 'text/calendar',
  vcf: 'text/vcard',
  eml: 'message/rfc822',
  msg: 'application/vnd.ms-outlook',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  svg: 'image/svg+xml',
  heic: 'image/heic',
  zip: 'application/zip',
  '7z': 'application/x-7z-compressed',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
};

const MIME = /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+$/;

/** Outlook's content type when it gives a usable one, else one from the file name. */
export function mimeTypeOf(name: string, given?: string): string {
  const type = given?.split(';')[0]?.trim();
  if (type && MIME.test(type) && type !== 'application/octet-stream') return type;
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  return (ext && TYPES[ext]) || 'application/octet-stream';
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export interface AttachmentFile {
  id: string;
  name: string;
  type: string;
  bytes: Uint8Array;
  isInline: boolean;
}

/** The attachment as a file, or null when its content is not a file (a cloud link). */
export function toFile(attachment: ComposeAttachment, content: AttachmentContent): AttachmentFile | null {
  const base = { id: attachment.id, isInline: attachment.isInline };
  switch (content.format) {
    case 'base64':
      return { ...base, name: attachment.name, type: mimeTypeOf(attachment.name, attachment.contentType), bytes: base64ToBytes(content.content) };
    case 'eml':
      return { ...base, name: withExtension(attachment.name, 'eml'), type: 'message/rfc822', bytes: new TextEncoder().encode(content.content) };
    case 'icalendar':
      return { ...base, name: withExtension(attachment.name, 'ics'), type: 'text/calendar', bytes: new TextEncoder().encode(content.content) };
    default:
      return null;
  }
}

function withExtension(name: string, ext: string): string {
  const clean = name.trim() || 'attachment';
  return clean.toLowerCase().endsWith(`.${ext}`) ? clean : `${clean}.${ext}`;
}
