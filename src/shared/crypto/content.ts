import { EnvelopeError } from './envelope-error';

/** One attachment as listed inside the encrypted content; the service never sees these fields. */
export interface SealedAttachment {
  part: number;
  name: string;
  type: string;
  size: number;
}

/** The plaintext of part 0: everything about the message that is not an attachment body. */
export interface SealedContent {
  v: 1;
  subject: string;
  html: string;
  text?: string;
  from?: { name: string; email: string };
  sentAt?: string;
  attachments: SealedAttachment[];
}

type Json = Record<string, unknown>;

const CONTENT_KEYS = new Set(['v', 'subject', 'html', 'text', 'from', 'sentAt', 'attachments']);
const FROM_KEYS = new Set(['name', 'email']);
const ATTACHMENT_KEYS = new Set(['part', 'name', 'type', 'size']);
// RFC 3339 date-time, as produced by Date.prototype.toISOString and most mail clients.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;
// type "/" subtype with RFC 2045 token characters, optionally followed by parameters.
const MIME_TYPE = /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+(?:\s*;.*)?$/;

function fail(): never {
  throw new EnvelopeError('bad_content');
}

function record(value: unknown, keys: Set<string>, required: readonly string[]): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail();
  const obj = value as Json;
  // Unknown keys are rejected so that a newer or forged format is never half-understood.
  for (const key of Object.keys(obj)) if (!keys.has(key)) fail();
  for (const key of required) if (!Object.prototype.hasOwnProperty.call(obj, key)) fail();
  return obj;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : fail();
}

function count(value: unknown, min: number): number {
  return Number.isSafeInteger(value) && (value as number) >= min ? (value as number) : fail();
}

function attachment(value: unknown): SealedAttachment {
  const a = record(value, ATTACHMENT_KEYS, ['part', 'name', 'type', 'size']);
  const type = str(a.type);
  if (!MIME_TYPE.test(type)) fail();
  return { part: count(a.part, 1), name: str(a.name), type, size: count(a.size, 0) };
}

function attachments(value: unknown): SealedAttachment[] {
  if (!Array.isArray(value)) fail();
  const parts = new Set<number>();
  return value.map((item: unknown) => {
    const a = attachment(item);
    // Two entries for one part would let the same bytes appear under two names.
    if (parts.has(a.part)) fail();
    parts.add(a.part);
    return a;
  });
}

function sender(value: unknown): { name: string; email: string } {
  const from = record(value, FROM_KEYS, ['name', 'email']);
  return { name: str(from.name), email: str(from.email) };
}

function isoTime(value: unknown): string {
  const text = str(value);
  return ISO_TIME.test(text) && !Number.isNaN(Date.parse(text)) ? text : fail();
}

/** Validates and rebuilds content in schema key order, so only known fields ever leave this module. */
function validate(value: unknown): SealedContent {
  const c = record(value, CONTENT_KEYS, ['v', 'subject', 'html', 'attachments']);
  if (c.v !== 1) fail();
  return {
    v: 1,
    subject: str(c.subject),
    html: str(c.html),
    ...(c.text === undefined ? {} : { text: str(c.text) }),
    ...(c.from === undefined ? {} : { from: sender(c.from) }),
    ...(c.sentAt === undefined ? {} : { sentAt: isoTime(c.sentAt) }),
    attachments: attachments(c.attachments),
  };
}

/** UTF-8 JSON of the content, keys in schema order; throws EnvelopeError('bad_content') if invalid. */
export function encodeContent(content: SealedContent): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify(validate(content)));
}

/** Parses decrypted part 0, rejecting invalid UTF-8, invalid JSON and any deviation from the schema. */
export function decodeContent(bytes: Uint8Array): SealedContent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes));
  } catch {
    fail();
  }
  return validate(parsed);
}
