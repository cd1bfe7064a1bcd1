/**
 * The record of processing activities (GDPR article 30) as Markdown, generated from the inventory
 * so that it cannot drift from what is stored. `npm run docs:privacy` writes it to
 * docs/privacy.md; a test fails when the committed file differs.
 */
import { fill, LEGAL_BASES, LOCATIONS, NOTICE_ITEMS, PERIODS, PURPOSES, RETENTION, SHARED_WITH } from './catalogue';
import { DATABASE_INVENTORY } from './database-inventory';
import { INVENTORY, INVENTORY_VERSION } from './inventory';
import type { FieldEntry, InventoryRow, LocationId, NoticeItemId, PurposeId, RetentionId, TableDeclaration } from './types';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const row = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
const table = (head: readonly string[], rows: readonly (readonly string[])[]) =>
  [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');
const categoryName = { B: 'B (sender)', C: 'C (recipient)', 'B+C': 'B+C (either)', none: 'none' } as const;
function retentionText(id: RetentionId): string {
  // The log period is configuration; the hosting's log store must delete older lines.
  return fill(RETENTION[id].en, { ...PERIODS, logDays: '`SEALPOST_LOG_RETENTION_DAYS` (default 14)' });
}

function fieldRow(name: string, f: FieldEntry): string[] {
  return [
    `\`${name}\``,
    categoryName[f.category],
    f.holds,
    f.form,
    f.purpose,
    LEGAL_BASES[f.basis].article,
    f.retention,
    (f.sharedWith ?? []).map((s) => SHARED_WITH[s].en).join(', ') || '-',
  ];
}

const FIELD_HEAD = ['Field', 'Category', 'Holds', 'Form', 'Purpose', 'Basis', 'Retention', 'Shared with'];

function databaseSection(): string[] {
  const out: string[] = ['### Database', '', 'Every column of every table; "engines" says where the table exists.', ''];
  for (const [name, declaration] of Object.entries(DATABASE_INVENTORY) as [string, TableDeclaration][]) {
    out.push(`#### \`${name}\`${declaration.system ? ' (system metadata)' : ''}`, '', `Engines: ${declaration.engines.join(', ')}.`, '');
    out.push(table(FIELD_HEAD, Object.entries(declaration.columns).map(([column, f]) => fieldRow(column, f))), '');
  }
  return out;
}

const STORE_SECTIONS: readonly { title: string; locations: readonly LocationId[]; developmentOnly?: boolean }[] = [
  { title: 'Blob store (files)', locations: ['blob-store'] },
  { title: 'Logs', locations: ['service-logs'] },
  { title: 'Memory and rate-limit state', locations: ['service-memory', 'rate-limit-store'] },
  { title: 'Outlook add-in (sender side)', locations: ['mailbox-roaming', 'addin-runtime-storage', 'compose-item', 'addin-browser-storage'] },
  { title: 'Recipient portal (browser)', locations: ['portal-browser-storage'] },
  { title: 'Development set-ups only', locations: ['dev-outbox'], developmentOnly: true },
];

function storeSections(): string[] {
  const out: string[] = [];
  for (const section of STORE_SECTIONS) {
    const rows = INVENTORY.filter((r) => r.location !== 'database' && section.locations.includes(r.location));
    out.push(`### ${section.title}`, '', `Where: ${section.locations.map((l) => LOCATIONS[l].en).join('; ')}.`, '');
    out.push(table(FIELD_HEAD, rows.map((r) => fieldRow(r.key, r))), '');
  }
  return out;
}

function personal(rows: readonly InventoryRow[]) {
  return rows.filter((r) => r.category !== 'none' && !r.developmentOnly);
}

function itemsOf(rows: readonly InventoryRow[], who: 'B' | 'C'): string[] {
  const items = new Set(personal(rows).filter((r) => r.category === who || r.category === 'B+C').map((r) => r.item as NoticeItemId));
  return (Object.keys(NOTICE_ITEMS) as NoticeItemId[]).filter((i) => items.has(i)).map((i) => `- ${NOTICE_ITEMS[i].en}`);
}

function purposes(): string[] {
  const used = (p: PurposeId) => INVENTORY.filter((r) => r.purpose === p);
  const rows = (Object.keys(PURPOSES) as PurposeId[]).map((p) => {
    const fields = used(p);
    const cats = [...new Set(fields.map((f) => f.category).filter((c) => c !== 'none'))].sort().join(', ') || 'none';
    const basis = fields.some((f) => f.category !== 'none') ? LEGAL_BASES[PURPOSES[p].basis].article : LEGAL_BASES['not-personal'].article;
    return [`\`${p}\``, PURPOSES[p].text.en, basis, cats, String(fields.length)];
  });
  return [table(['Purpose', 'Description', 'Legal basis', 'Categories', 'Fields'], rows)];
}

function retention(): string[] {
  const rows = (Object.keys(RETENTION) as RetentionId[]).map((id) => [`\`${id}\``, retentionText(id), String(INVENTORY.filter((r) => r.retention === id).length)]);
  return [table(['Rule', 'Kept', 'Fields'], rows)];
}

function sharedWith(who: 'sms-provider' | 'mail-provider' | 'sender'): string {
  return INVENTORY.filter((r) => r.sharedWith?.includes(who)).map((r) => `\`${r.key}\``).join(', ');
}

/** The whole record. */
export function recordOfProcessing(): string {
  const lines = [
    '# Record of processing activities (GDPR article 30)',
    '',
    `<!-- Generated by \`npm run docs:privacy\` from src/shared/privacy (inventory version ${INVENTORY_VERSION}). Do not edit by hand: change the inventory and regenerate. -->`,
    '',
    'This record is generated from the one data inventory in `src/shared/privacy`. The same inventory',
    'generates the public privacy notice (`/privacy`, Dutch and English). Tests fail when a database',
    'column exists that the inventory does not declare (`test/privacy-inventory.test.ts`), when a log',
    'line carries an undeclared field, and when a full send, verify, read and download flow leaves',
    'content, codes, secrets, the client address or the user-agent anywhere in the database, the blob',
    'store or the logs (`test/privacy-leaks.test.ts`). What the service can and cannot see, and what an',
    'attacker could do, is in [threat-model.md](threat-model.md).',
    '',
    '## Controller, DPO and processors',
    '',
    'Set per deployment and shown in the notice: `SEALPOST_CONTROLLER_NAME`, `SEALPOST_CONTROLLER_ADDRESS`,',
    '`SEALPOST_DPO_EMAIL`, `SEALPOST_PRIVACY_CONTACT_EMAIL`, `SEALPOST_PROCESSORS` (e.g.',
    '`hosting=Example Cloud B.V., Amsterdam (NL); sms=Example SMS B.V. (NL); mail=Example Mail B.V. (NL)`)',
    'and `SEALPOST_LOG_RETENTION_DAYS`. In production the service refuses to start without them.',
    '',
    '## Purposes and legal bases',
    '',
    ...purposes(),
    '',
    'Recipient data rests on legitimate interest (art. 6(1)(f)): the recipient is not a party to the',
    "contract, and both sender and recipient have an interest in confidential delivery. Sender account data",
    'rests on the contract with the organisation (art. 6(1)(b)).',
    '',
    '## Categories of data subjects and personal data',
    '',
    '**B: senders** (employees of a customer organisation who use the add-in):',
    '',
    ...itemsOf(INVENTORY, 'B'),
    '',
    '**C: recipients** of a secure message:',
    '',
    ...itemsOf(INVENTORY, 'C'),
    '',
    'Message content (subject, body, attachments, file names) may hold any personal data, including',
    'special categories such as health data. It is encrypted on the sender\'s device and the service',
    'never holds the key, so it appears below only as end-to-end ciphertext.',
    '',
    'Never stored, anywhere on the service side: the client IP address (only a keyed hash, for one',
    'rate-limit window), the full user-agent string, any plaintext of a message, verification or access',
    'codes in clear, the link secret, the server share in clear, session tokens in clear.',
    '',
    '## Recipients of personal data',
    '',
    '- Hosting provider (processor): everything the service stores, as listed below.',
    `- SMS provider (processor): ${sharedWith('sms-provider')}, and the SMS text with the code.`,
    `- Mail provider (processor): ${sharedWith('mail-provider')}, and the e-mail with the code.`,
    `- The sender of the message sees, per recipient: ${sharedWith('sender')}.`,
    '',
    '## Transfers to third countries',
    '',
    'None by the software. A deployment whose processors are outside the EEA must rely on an article 46',
    'safeguard (standard contractual clauses); the notice says so whenever processors are configured.',
    '',
    '## Retention',
    '',
    ...retention(),
    '',
    '## Security measures (article 32)',
    '',
    '- Client-side encryption with a split key (AES-256-GCM, HKDF-SHA256): see [crypto.md](crypto.md).',
    '- Server share wrapped with a server key; codes and access codes kept as HMAC-SHA256 with a server key;',
    `  session tokens (valid ${PERIODS.sessionMinutes} minutes) kept as SHA-256; the client address only as an HMAC,`,
    '  in memory or Redis, for one window.',
    `- Six-digit codes, ${PERIODS.codeMinutes} minutes, single use, ${PERIODS.triesPerCode} tries per code, lock after ${PERIODS.lockAfterFailures} failures; the same`,
    '  answer for unknown, expired, revoked and purged messages and for non-recipients.',
    '- Request logs carry method, path without query, status, request id and timings; headers, bodies,',
    '  addresses and codes are not logged.',
    '- Strict Content Security Policy on the portal and this notice; sanitised mail HTML in a sandboxed frame.',
    '',
    '## Inventory',
    '',
    'Categories: B = sender, C = recipient, none = not personal data. Forms: `keyed-hash` = HMAC with a',
    'server secret; `wrapped` = encrypted with a server key; `end-to-end` = ciphertext whose key the',
    'service never has; `identifier` = random id pointing at another record.',
    '',
    ...databaseSection(),
    ...storeSections(),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
