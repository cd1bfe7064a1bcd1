/**
 * The one data inventory of Sealpost: every field kept anywhere, in the database (see
 * database-inventory.ts) and outside it (blob store, logs, memory, development outboxes, the
 * sender's mailbox and browser, the recipient's browser). The privacy notice, the record of
 * processing and the drift and leak tests are all derived from it.
 */
import { DATABASE_INVENTORY } from './database-inventory';
import { field } from './field';
import type { FieldEntry, InventoryRow, LocationId, StoredField } from './types';

/** Raise when the inventory changes meaningfully; the notice and the record show it. */
export const INVENTORY_VERSION = 1;

function stored(id: string, location: LocationId, key: string, entry: FieldEntry, developmentOnly = false): StoredField {
  return { id, location, key, ...entry, ...(developmentOnly ? { developmentOnly } : {}) };
}

/** Blob store on files (`<blob dir>/<message id>/<part index>`); in PostgreSQL see `blob_chunks`. */
export const BLOB_FIELDS: readonly StoredField[] = [
  stored('blob.path', 'blob-store', '<message id>/<part index>', field('none', 'sending', 'message', 'identifier', 'File path: message id and part number (a random suffix while uploading)')),
  stored('blob.size', 'blob-store', 'file size and times', field('none', 'sending', 'message', 'count', 'File size (the ciphertext size) and the file system times')),
  stored('blob.content', 'blob-store', 'file content', field('none', 'sending', 'message', 'end-to-end', 'Encrypted content (subject, body, attachments and their names); the service cannot read it')),
];

const log = (key: string, entry: FieldEntry) => stored(`log.${key}`, 'service-logs', key, entry);
const logNone = (key: string, holds: string) => log(key, field('none', 'operations', 'logs', 'clear', holds));

/**
 * What the service writes to its log (pino JSON lines). A key covers its nested keys (`err`
 * covers `err.stack`). The leak test fails on any key it sees that is not listed here.
 */
export const LOG_FIELDS: readonly StoredField[] = [
  logNone('level', 'Log level'),
  logNone('time', 'Time of the line'),
  logNone('pid', 'Process id of the service'),
  logNone('hostname', 'Host name of the server'),
  logNone('msg', 'Fixed message text'),
  logNone('reqId', 'Random request number'),
  logNone('req.id', 'Random request number'),
  logNone('req.method', 'HTTP method'),
  log('req.url', field('B+C', 'operations', 'logs', 'identifier', 'Request path without the query string; holds message and verification ids', { item: 'technical-logs' })),
  logNone('res.statusCode', 'HTTP status'),
  logNone('responseTime', 'Time taken in milliseconds'),
  logNone('errorCode', 'Error code of a refused request (e.g. invalid_code)'),
  logNone('status', 'HTTP status of a refused request'),
  // Errors are declared field by field: a driver error's extra fields (PostgreSQL's `detail`
  // repeats the values of a violated key) are not allowed here.
  logNone('err.type', 'Error class of a 5xx (service errors only)'),
  logNone('err.message', 'Error message of a 5xx; never built from request data'),
  logNone('err.stack', 'Stack trace of a 5xx'),
  logNone('err.name', 'Error name (5xx, a failed code delivery, or Redis not reachable to share an erasure)'),
  logNone('err.code', 'Error code (5xx, or a failed code delivery)'),
  logNone('err.details', "An AppError's details: fixed fields such as channel and reason"),
  logNone('err.statusCode', 'HTTP status carried by the error'),
  logNone('event', 'Notifier event: sms_sent, sms_failed, mail_sent, mail_failed'),
  logNone('provider', 'Notifier: outbox, twilio, messagebird or smtp'),
  log('providerId', field('C', 'operations', 'logs', 'identifier', "The provider's id for a sent SMS or e-mail (no number, address or text)", { item: 'technical-logs' })),
  logNone('ms', 'How long the provider took'),
  logNone('channel', 'sms or mail'),
  logNone('reason', 'Failure reason from a fixed list, or why a sign-in token was refused'),
  logNone('httpStatus', "Provider's HTTP status"),
  logNone('providerCode', "Provider's numeric error code or SMTP reply code"),
  logNone('error', 'Type of an unexpected token-check failure'),
  log('messageId', field('B+C', 'operations', 'logs', 'identifier', 'Message whose code could not be delivered', { item: 'technical-logs' })),
  log('recipientId', field('C', 'operations', 'logs', 'identifier', 'Recipient whose code could not be delivered', { item: 'technical-logs' })),
  logNone('organisationId', 'Organisation whose settings could not be read'),
  logNone('database', 'Start-up: database engine'),
  logNone('blobs', 'Start-up: blob store kind'),
  logNone('sms', 'Start-up: SMS provider kind'),
  logNone('mail', 'Start-up: mail transport kind'),
  logNone('devSignIn', 'Start-up: whether development sign-in is on'),
];

/** State the service keeps in memory (or Redis) only. */
export const MEMORY_FIELDS: readonly StoredField[] = [
  stored('rate-limit.counter', 'rate-limit-store', 'sealpost-rl:<HMAC of the client address>', field('B+C', 'security', 'rate-window', 'keyed-hash', 'Keyed hash of the client address (22 characters), request count and end of the window', { item: 'network-address-hash' })),
  stored('memory.sender-cache', 'service-memory', 'issuer|tid|oid', field('B', 'account', 'memory-minute', 'clear', 'Signed-in sender: ids, name and e-mail, so that a request costs no database lookup', { item: 'account-record' })),
];

/** Development set-ups only: stand-ins for the SMS provider and mail server, and generated keys. */
export const DEVELOPMENT_FIELDS: readonly StoredField[] = [
  stored('outbox.sms', 'dev-outbox', 'outbox/sms.jsonl: at, to, text', field('C', 'development', 'development', 'clear', 'Time, mobile number and the SMS text with the code', { item: 'phone' }), true),
  stored('outbox.mail', 'dev-outbox', 'outbox/mail.jsonl: at, to, subject, text', field('C', 'development', 'development', 'clear', 'Time, address, and the e-mail with the code', { item: 'email' }), true),
  stored('dev.secrets', 'dev-outbox', 'dev-secrets.json', field('none', 'development', 'development', 'clear', 'Share key and code key made on first start when none are configured'), true),
];

/** What the Outlook add-in keeps: in the sender's mailbox, the compose item and its browser storage. */
export const ADDIN_FIELDS: readonly StoredField[] = [
  stored('roaming.sealpost.phones', 'mailbox-roaming', 'sealpost.phones', field('C', 'convenience', 'mailbox-phone-book', 'clear', 'Recipient address -> [E.164 number, last used]', { item: 'phone-book' })),
  stored('roaming.sealpost.policyCache', 'mailbox-roaming', 'sealpost.policyCache', field('none', 'organisation-policy', 'mailbox-setting', 'clear', "The organisation's detection policy and fail-closed flag, with the fetch time")),
  stored('roaming.sealpost.senderNotice', 'mailbox-roaming', 'sealpost.senderNotice', field('B', 'convenience', 'mailbox-setting', 'time', 'Version of the sender notice read, and when', { item: 'notice-acknowledgement' })),
  stored('runtime.sealpost.defaultPolicy', 'addin-runtime-storage', 'sealpost.defaultPolicy', field('none', 'organisation-policy', 'addin-storage', 'clear', "The service's public default policy (OfficeRuntime.storage)")),
  stored('session.sealpost.sealed', 'compose-item', 'sealpost.sealed', field('B', 'sending', 'draft-item', 'identifier', 'Message id of a sealed draft (item session data)', { item: 'message-record' })),
  stored('header.x-sealpost-sealed', 'compose-item', 'x-sealpost-sealed', field('B', 'sending', 'sent-mail', 'identifier', 'Internet header with the message id, so the on-send check lets the sealed item go', { item: 'message-record' })),
  stored('msal.cache', 'addin-browser-storage', 'MSAL cache (localStorage)', field('B', 'account', 'sign-in-cache', 'clear', 'Microsoft sign-in account (name, user name, tenant and object id) and tokens', { item: 'sign-in-cache' })),
];

/** What the recipient portal keeps in the recipient's browser. */
export const PORTAL_FIELDS: readonly StoredField[] = [
  stored('portal.sealpost.locale', 'portal-browser-storage', 'sealpost.locale', field('none', 'convenience', 'browser-setting', 'clear', 'Chosen language: nl or en')),
];

function databaseRows(): InventoryRow[] {
  const rows: InventoryRow[] = [];
  for (const [table, declaration] of Object.entries(DATABASE_INVENTORY)) {
    for (const [column, entry] of Object.entries(declaration.columns as Readonly<Record<string, FieldEntry>>)) {
      rows.push({ id: `db.${table}.${column}`, location: 'database', key: `${table}.${column}`, table, column, ...entry });
    }
  }
  return rows;
}

/** Every declared field, database columns first, in a stable order. */
export const INVENTORY: readonly InventoryRow[] = [
  ...databaseRows(),
  ...BLOB_FIELDS,
  ...LOG_FIELDS,
  ...MEMORY_FIELDS,
  ...DEVELOPMENT_FIELDS,
  ...ADDIN_FIELDS,
  ...PORTAL_FIELDS,
];

/** The columns declared for one engine, as `table.column`. */
export function declaredColumns(engine: 'sqlite' | 'postgres'): Set<string> {
  const columns = new Set<string>();
  for (const [table, declaration] of Object.entries(DATABASE_INVENTORY)) {
    if (!(declaration.engines as readonly string[]).includes(engine)) continue;
    for (const column of Object.keys(declaration.columns)) columns.add(`${table}.${column}`);
  }
  return columns;
}

/** Whether a (possibly nested, dot-separated) log key is declared. */
export function isDeclaredLogKey(path: string): boolean {
  return LOG_FIELDS.some((f) => path === f.key || path.startsWith(`${f.key}.`));
}
