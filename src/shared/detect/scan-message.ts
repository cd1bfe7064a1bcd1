import { compilePolicy } from './compile';
import { decodeText } from './decode';
import { htmlToText } from './html-to-text';
import { checkRecipients, type RecipientHistory, type RecipientsInput } from './misdirection';
import { normaliseNotingAccents } from './normalise';
import type { Policy } from './policy';
import { scanNormalised, type Where } from './scan-text';
import type { Finding, MessageScan, UnscannedPart } from './types';

/**
 * Scans what a message would disclose: subject, body, attachment names and the content of text
 * attachments (plain text, CSV/TSV, HTML, Markdown, JSON, XML) and of any attachment whose text
 * the caller read (Word, Excel, PowerPoint and OpenDocument files, see office-documents.ts).
 * Other types (PDF, images, archives) are listed in `unscanned` so the pane can say what it could
 * not check.
 */
export interface AttachmentInput {
  name: string;
  contentType?: string;
  /** The content as text, when the caller has it so: decoded, or read out of a document. */
  text?: string;
  /** Raw content of a text type; decoded as UTF-8, UTF-16 with BOM, or single-byte text. */
  bytes?: Uint8Array;
  /** The caller could read only the start of it (`text` holds that much): reported as `truncated`. */
  truncated?: boolean;
  /** The caller did not read it for its size: reported as `too-large`. */
  tooLarge?: boolean;
  /** The caller tried and could not read it (damaged, or protected with a password): `unreadable`. */
  unreadable?: boolean;
}

export interface MessageInput extends RecipientsInput {
  subject?: string;
  bodyHtml?: string;
  bodyText?: string;
  attachments?: AttachmentInput[];
}

/** What the on-send handler has at hand: no HTML and no attachment content. */
export interface PlainMessageInput extends RecipientsInput {
  subject?: string;
  bodyText?: string;
  attachments?: Array<{ name: string; contentType?: string }>;
}

export interface ScanMessageOptions {
  history?: RecipientHistory;
  /** Characters scanned per part; the rest is reported as `truncated`. Default 4 Mi. */
  maxChars?: number;
}

const TEXT_TYPES = /^(text\/(plain|csv|tab-separated-values|html|markdown|xml|calendar)|application\/(json|xml|xhtml\+xml|csv))\b/i;
const TEXT_EXTENSIONS = /\.(txt|text|csv|tsv|htm|html|xhtml|md|json|xml|log|ics|vcf)$/i;
const HTML = /html/i;

function isText(a: { name: string; contentType?: string }): boolean {
  return a.contentType ? TEXT_TYPES.test(a.contentType) || (a.contentType === 'application/octet-stream' && TEXT_EXTENSIONS.test(a.name)) : TEXT_EXTENSIONS.test(a.name);
}

/** Reads HTML bodies and attachment content; the plain scan goes without, and so does its bundle. */
interface Readers {
  html(input: string): string;
  /** The attachment's text; false for a type that is not read, undefined without content. */
  content(a: AttachmentInput, maxChars: number): string | false | undefined;
}

function readContent(a: AttachmentInput, maxChars: number): string | false | undefined {
  if (typeof a.text === 'string') return a.text;
  if (!isText(a)) return false;
  return a.bytes ? decodeText(a.bytes.subarray(0, maxChars * 2)) : undefined;
}

const READERS: Readers = { html: htmlToText, content: readContent };

function scanParts(message: MessageInput, policy: Policy | undefined, options: ScanMessageOptions, readers?: Readers): Omit<MessageScan, 'recipients'> {
  const compiled = compilePolicy(policy);
  const maxChars = options.maxChars !== undefined ? options.maxChars : 4 * 1024 * 1024;
  const findings: Finding[] = [];
  const unscanned: UnscannedPart[] = [];
  const scan = (text: string, html: boolean, where: Where): void => {
    const raw = text.slice(0, maxChars);
    const { text: normalised, accents } = normaliseNotingAccents(html && readers ? readers.html(raw) : raw);
    for (const f of scanNormalised({ text: normalised }, compiled, where, accents)) findings.push(f);
  };
  if (message.subject) scan(message.subject, false, { part: 'subject' });
  if (message.bodyHtml && readers) scan(message.bodyHtml, true, { part: 'body' });
  else if (message.bodyText) scan(message.bodyText, false, { part: 'body' });
  (message.attachments || []).forEach((a, attachment) => {
    // Underscores join words in file names; as spaces they let "123456782_uitslag.pdf" be seen.
    scan(a.name.replace(/_/g, ' '), false, { part: 'attachment-name', attachment });
    const text = readers && readers.content(a, maxChars);
    if ((a.tooLarge || a.unreadable) && typeof text !== 'string') {
      unscanned.push({ attachment, reason: a.tooLarge ? 'too-large' : 'unreadable' });
      return;
    }
    if (typeof text !== 'string') {
      unscanned.push({ attachment, reason: text === false ? 'unsupported-type' : 'no-content' });
      return;
    }
    if (a.truncated || text.length > maxChars || (a.text === undefined && a.bytes!.length > maxChars * 2)) {
      unscanned.push({ attachment, reason: 'truncated' });
    }
    scan(text, HTML.test(a.contentType || '') || /\.x?html?$/i.test(a.name), { part: 'attachment', attachment });
  });
  return { findings, unscanned };
}

/**
 * Only what the message says, not who it goes to: for callers that check recipients apart (see
 * docs/detection.md for the bundle sizes).
 */
export function scanContent(message: MessageInput, policy?: Policy, options: ScanMessageOptions = {}): Omit<MessageScan, 'recipients'> {
  return scanParts(message, policy, options, READERS);
}

/** Content and recipients together: what the task pane shows. */
export function scanMessage(message: MessageInput, policy?: Policy, options: ScanMessageOptions = {}): MessageScan {
  const compiled = compilePolicy(policy);
  const content = scanParts(message, compiled.policy, options, READERS);
  return { findings: content.findings, unscanned: content.unscanned, recipients: checkRecipients(message, compiled.policy, options.history) };
}

/**
 * What the on-send handler checks: subject, plain body, attachment names and recipients, with the
 * same findings and recipient findings as {@link scanMessage}. Every attachment is listed as
 * unscanned with `no-content` (its content is not given, so its type is not asked). Without the
 * HTML reader and the attachment decoding, so that the on-send bundle is smaller.
 */
export function scanPlainMessage(message: PlainMessageInput, policy?: Policy, options: ScanMessageOptions = {}): MessageScan {
  const compiled = compilePolicy(policy);
  const content = scanParts(message, compiled.policy, options);
  return { findings: content.findings, unscanned: content.unscanned, recipients: checkRecipients(message, compiled.policy, options.history) };
}
