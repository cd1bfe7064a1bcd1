/**
 * Every column of every table, on both engines. The drift tests compare this with the live schema
 * and the type check in test/privacy-inventory.test.ts compares it with `Database`, so a column
 * cannot be added without saying here whose it is, why, on which basis and for how long.
 */
import { field } from './field';
import type { TableDeclaration } from './types';

const BOTH = ['sqlite', 'postgres'] as const;

export const DATABASE_INVENTORY = {
  organisations: {
    engines: BOTH,
    columns: {
      id: field('none', 'account', 'organisation', 'identifier', 'Random organisation id'),
      name: field('B', 'account', 'organisation', 'clear', 'Organisation name', { item: 'organisation-name' }),
      tenant_id: field('B', 'account', 'organisation', 'clear', 'Azure tenant id, or "local:<organisation name>" for development sign-in', { item: 'azure-ids' }),
      contract_ends_at: field('none', 'account', 'organisation', 'time', "End of the organisation's contract or trial; starts the 30-day deletion clock"),
      created_at: field('none', 'account', 'organisation', 'time', 'When the organisation was first seen'),
      settings: field('none', 'organisation-policy', 'organisation', 'clear', "The admin's settings as JSON: detectors, verification methods, expiry, fail-open or fail-closed"),
    },
  },
  senders: {
    engines: BOTH,
    columns: {
      id: field('B', 'account', 'account', 'identifier', 'Random account id', { item: 'account-record' }),
      organisation_id: field('B', 'account', 'account', 'identifier', 'The organisation the account belongs to', { item: 'account-record' }),
      issuer: field('B', 'account', 'account', 'clear', 'Sign-in kind: "azure" or "local" (development)', { item: 'account-record' }),
      tid: field('B', 'account', 'account', 'clear', 'Azure tenant id (tid claim)', { item: 'azure-ids' }),
      oid: field('B', 'account', 'account', 'clear', 'Azure user object id (oid claim), or a stable pseudonym for development sign-in', { item: 'azure-ids' }),
      name: field('B', 'account', 'account', 'clear', "Sender's display name", { item: 'name' }),
      email: field('B', 'account', 'account', 'clear', "Sender's e-mail address", { item: 'email' }),
      outlook_host: field('B', 'account', 'account', 'clear', 'Outlook host (e.g. "Outlook", "OutlookWebApp")', { item: 'outlook-version' }),
      outlook_version: field('B', 'account', 'account', 'clear', 'Outlook version number', { item: 'outlook-version' }),
      outlook_platform: field('B', 'account', 'account', 'clear', 'Outlook platform (e.g. "PC", "Mac", "OfficeOnline")', { item: 'outlook-version' }),
      browser: field('B', 'account', 'account', 'clear', 'Browser family as one word (at most 40 characters), never the user-agent string', { item: 'client-kind' }),
      device: field('B', 'account', 'account', 'clear', 'Device type as one word: desktop, mobile or tablet', { item: 'client-kind' }),
      created_at: field('B', 'account', 'account', 'time', 'When the account was created', { item: 'account-record' }),
      last_seen_at: field('B', 'account', 'account', 'time', 'Last sign-in', { item: 'account-record' }),
    },
  },
  messages: {
    engines: BOTH,
    columns: {
      id: field('B', 'sending', 'message-tombstone', 'identifier', 'Random message id (also in the link the recipient gets)', { item: 'message-record' }),
      organisation_id: field('B', 'sending', 'message-tombstone', 'identifier', "The sender's organisation", { item: 'message-record' }),
      sender_id: field('B', 'sending', 'message-tombstone', 'identifier', 'The sender', { item: 'message-record' }),
      status: field('B', 'sending', 'message-tombstone', 'clear', 'draft, sealed, revoked or expired', { item: 'message-record' }),
      wrapped_share: field('none', 'recipient-access', 'message', 'wrapped', 'The server share, encrypted with the server key; useless without the link secret, which the service never sees'),
      part_count: field('B', 'sending', 'message-tombstone', 'count', 'Number of encrypted parts', { item: 'message-record' }),
      total_size: field('B', 'sending', 'message-tombstone', 'count', 'Total ciphertext size in bytes', { item: 'message-record' }),
      locale: field('B', 'sending', 'message-tombstone', 'clear', 'Language of the code texts: nl or en', { item: 'message-record' }),
      created_at: field('B', 'sending', 'message-tombstone', 'time', 'When the message was created', { item: 'message-record' }),
      expires_at: field('B', 'sending', 'message-tombstone', 'time', 'When the message expires', { item: 'message-record' }),
      finalised_at: field('B', 'sending', 'message-tombstone', 'time', 'When the upload was sealed', { item: 'message-record' }),
      revoked_at: field('B', 'sending', 'message-tombstone', 'time', 'When the sender revoked it', { item: 'message-record' }),
      purge_started_at: field('B', 'sending', 'message-tombstone', 'time', 'When the retention purge closed the message', { item: 'message-record' }),
      purged_at: field('B', 'sending', 'message-tombstone', 'time', 'When the purge finished: what is left is a tombstone', { item: 'message-record' }),
    },
  },
  message_parts: {
    engines: BOTH,
    columns: {
      message_id: field('B', 'sending', 'message', 'identifier', 'The message the part belongs to', { item: 'message-record' }),
      idx: field('B', 'sending', 'message', 'count', 'Part number: 0 is subject and body, 1..n the attachments', { item: 'message-record' }),
      size: field('B', 'sending', 'message', 'count', 'Ciphertext size in bytes', { item: 'message-record' }),
      uploaded_at: field('B', 'sending', 'message', 'time', 'When the part was uploaded', { item: 'message-record' }),
    },
  },
  recipients: {
    engines: BOTH,
    columns: {
      id: field('C', 'recipient-access', 'message-tombstone', 'identifier', 'Random recipient id', { item: 'access-record' }),
      message_id: field('C', 'recipient-access', 'message-tombstone', 'identifier', 'The message', { item: 'access-record' }),
      name: field('C', 'recipient-access', 'message', 'clear', "Recipient's name as the sender entered it", { item: 'name', sharedWith: ['sender'] }),
      email: field('C', 'recipient-access', 'message', 'clear', "Recipient's e-mail address (lower case)", { item: 'email', sharedWith: ['sender', 'mail-provider'] }),
      method: field('C', 'recipient-access', 'message-tombstone', 'clear', 'Verification method: sms, email or access_code', { item: 'access-record', sharedWith: ['sender'] }),
      phone: field('C', 'recipient-access', 'message', 'clear', 'Mobile number in E.164, only for SMS verification', { item: 'phone', sharedWith: ['sms-provider'] }),
      access_code_hash: field('C', 'recipient-access', 'message', 'keyed-hash', 'HMAC of the access code the sender passes on', { item: 'code-hashes' }),
      failures: field('C', 'security', 'message-tombstone', 'count', 'Consecutive wrong codes (locks at 100)', { item: 'access-record' }),
      locked_at: field('C', 'security', 'message-tombstone', 'time', 'When the recipient was locked out', { item: 'access-record', sharedWith: ['sender'] }),
      code_sent_at: field('C', 'recipient-access', 'message-tombstone', 'time', 'When the last code was sent', { item: 'access-record', sharedWith: ['sender'] }),
      verified_at: field('C', 'recipient-access', 'message-tombstone', 'time', 'First successful verification', { item: 'access-record', sharedWith: ['sender'] }),
      opened_at: field('C', 'recipient-access', 'message-tombstone', 'time', 'First time the message was opened', { item: 'access-record', sharedWith: ['sender'] }),
      downloaded_at: field('C', 'recipient-access', 'message-tombstone', 'time', 'First download of an attachment', { item: 'access-record', sharedWith: ['sender'] }),
      browser: field('C', 'recipient-access', 'message', 'clear', 'Browser family as one word, derived from the user-agent, which is not kept', { item: 'client-kind' }),
      device: field('C', 'recipient-access', 'message', 'clear', 'Device type as one word: desktop, mobile, tablet or other', { item: 'client-kind' }),
      erased_at: field('C', 'rights', 'message-tombstone', 'time', 'When the recipient had their data erased; the row is then a tombstone', { item: 'privacy-requests', sharedWith: ['sender'] }),
    },
  },
  verifications: {
    engines: BOTH,
    columns: {
      id: field('C', 'recipient-access', 'message', 'identifier', 'Random verification id', { item: 'access-record' }),
      message_id: field('C', 'recipient-access', 'message', 'identifier', 'The message', { item: 'access-record' }),
      recipient_id: field('C', 'recipient-access', 'message', 'identifier', 'The recipient; empty for a decoy (the address typed is not a recipient)', { item: 'access-record' }),
      subject_hash: field('C', 'security', 'message', 'keyed-hash', 'HMAC of the address typed, to limit codes per address without keeping it', { item: 'address-hash' }),
      code_hash: field('C', 'recipient-access', 'message', 'keyed-hash', 'HMAC of the six-digit code', { item: 'code-hashes' }),
      tries: field('C', 'security', 'message', 'count', 'Tries used on this code (at most 5)', { item: 'access-record' }),
      created_at: field('C', 'recipient-access', 'message', 'time', 'When the code was issued', { item: 'access-record' }),
      expires_at: field('C', 'recipient-access', 'message', 'time', 'Ten minutes later', { item: 'access-record' }),
      used_at: field('C', 'recipient-access', 'message', 'time', 'When the code was used or replaced', { item: 'access-record' }),
    },
  },
  sessions: {
    engines: BOTH,
    columns: {
      token_hash: field('C', 'recipient-access', 'message', 'hash', 'SHA-256 of the session bearer token', { item: 'session' }),
      message_id: field('C', 'recipient-access', 'message', 'identifier', 'The message', { item: 'session' }),
      recipient_id: field('C', 'recipient-access', 'message', 'identifier', 'The recipient', { item: 'session' }),
      created_at: field('C', 'recipient-access', 'message', 'time', 'Start of the session', { item: 'session' }),
      expires_at: field('C', 'recipient-access', 'message', 'time', 'End of the session (30 minutes)', { item: 'session' }),
    },
  },
  audit_events: {
    engines: BOTH,
    columns: {
      seq: field('none', 'accountability', 'audit', 'count', 'Sequence number'),
      at: field('B+C', 'accountability', 'audit', 'time', 'When it happened', { item: 'audit-trail' }),
      type: field('B+C', 'accountability', 'audit', 'clear', 'Event type from a fixed list (message.created, code.sent, message.opened, ...)', { item: 'audit-trail' }),
      organisation_id: field('none', 'accountability', 'audit', 'identifier', 'The organisation'),
      message_id: field('B+C', 'accountability', 'audit', 'identifier', 'The message', { item: 'audit-trail' }),
      recipient_id: field('C', 'accountability', 'audit', 'identifier', 'The recipient', { item: 'audit-trail' }),
      sender_id: field('B', 'accountability', 'audit', 'identifier', 'The sender', { item: 'audit-trail' }),
      prev_hash: field('none', 'accountability', 'audit', 'hash', "Hash of the previous event (hash chain)"),
      hash: field('none', 'accountability', 'audit', 'hash', "SHA-256 over the previous hash and this event's fields; reveals nothing beyond them"),
    },
  },
  audit_chain: {
    engines: BOTH,
    columns: {
      id: field('none', 'accountability', 'installation', 'count', 'Always 1: the one head row'),
      head_seq: field('none', 'accountability', 'installation', 'count', 'Sequence number of the last event'),
      head_hash: field('none', 'accountability', 'installation', 'hash', 'Hash of the last event, so a removed tail is noticed'),
      anchor_seq: field('none', 'accountability', 'installation', 'count', 'Last event deleted by retention (0 before any)'),
      anchor_hash: field('none', 'accountability', 'installation', 'hash', 'Its hash, where verification starts'),
      anchored_at: field('none', 'accountability', 'installation', 'time', 'When retention last moved the anchor'),
    },
  },
  privacy_challenges: {
    engines: BOTH,
    columns: {
      id: field('B+C', 'rights', 'privacy-session', 'identifier', 'Random challenge id', { item: 'privacy-proof' }),
      address: field('B+C', 'rights', 'privacy-session', 'clear', 'The e-mail address being proven (lower case)', { item: 'email', sharedWith: ['mail-provider'] }),
      subject_hash: field('B+C', 'security', 'privacy-session', 'keyed-hash', 'HMAC of the address, to limit codes per address', { item: 'privacy-proof' }),
      code_hash: field('B+C', 'rights', 'privacy-session', 'keyed-hash', 'HMAC of the six-digit code', { item: 'privacy-proof' }),
      tries: field('B+C', 'security', 'privacy-session', 'count', 'Tries used on this code (at most 5)', { item: 'privacy-proof' }),
      created_at: field('B+C', 'rights', 'privacy-session', 'time', 'When the code was sent', { item: 'privacy-proof' }),
      expires_at: field('B+C', 'rights', 'privacy-session', 'time', 'Ten minutes later', { item: 'privacy-proof' }),
      used_at: field('B+C', 'rights', 'privacy-session', 'time', 'When the code was used', { item: 'privacy-proof' }),
      token_hash: field('B+C', 'rights', 'privacy-session', 'hash', 'SHA-256 of the session bearer token', { item: 'privacy-proof' }),
      session_expires_at: field('B+C', 'rights', 'privacy-session', 'time', 'End of the session (15 minutes)', { item: 'privacy-proof' }),
    },
  },
  privacy_requests: {
    engines: BOTH,
    columns: {
      id: field('B+C', 'rights', 'privacy-request', 'identifier', 'Random request id', { item: 'privacy-requests' }),
      organisation_id: field('none', 'rights', 'privacy-request', 'identifier', 'The organisation whose records the request touched'),
      subject_kind: field('B+C', 'rights', 'privacy-request', 'clear', 'recipient or sender', { item: 'privacy-requests' }),
      type: field('B+C', 'rights', 'privacy-request', 'clear', 'access, rectify, erase or object', { item: 'privacy-requests' }),
      source: field('B+C', 'rights', 'privacy-request', 'clear', 'self (the person) or admin (run by an administrator)', { item: 'privacy-requests' }),
      status: field('B+C', 'rights', 'privacy-request', 'clear', 'open, completed or rejected', { item: 'privacy-requests' }),
      subject_email: field('B+C', 'rights', 'privacy-request', 'clear', 'Whose data, only while the request is open', { item: 'privacy-requests' }),
      requested_change: field('C', 'rights', 'privacy-request', 'clear', 'The correction asked for (a new mobile number), only while the request is open', { item: 'privacy-requests' }),
      created_at: field('B+C', 'rights', 'privacy-request', 'time', 'When the request was made', { item: 'privacy-requests' }),
      due_at: field('B+C', 'rights', 'privacy-request', 'time', '48 hours later: the deadline for the answer', { item: 'privacy-requests' }),
      handled_at: field('B+C', 'rights', 'privacy-request', 'time', 'When it was answered', { item: 'privacy-requests' }),
      handled_by: field('B', 'rights', 'privacy-request', 'identifier', 'The administrator who answered it (sender id)', { item: 'privacy-requests' }),
    },
  },
  mail_opt_outs: {
    engines: BOTH,
    columns: {
      address_hash: field('B+C', 'rights', 'objection', 'keyed-hash', 'HMAC of the address that wants no product e-mails', { item: 'mail-opt-out' }),
      created_at: field('B+C', 'rights', 'objection', 'time', 'Since when', { item: 'mail-opt-out' }),
    },
  },
  blob_chunks: {
    engines: ['postgres'],
    columns: {
      blob_key: field('none', 'sending', 'message', 'identifier', '"<message id>/<part index>" (or a temporary key while uploading)'),
      seq: field('none', 'sending', 'message', 'count', 'Chunk number'),
      data: field('none', 'sending', 'message', 'end-to-end', 'Encrypted content in 1 MiB chunks (subject, body, attachments and their names); the service cannot read it'),
    },
  },
  kysely_migration: {
    engines: BOTH,
    system: true,
    columns: {
      name: field('none', 'system', 'installation', 'clear', 'Name of an applied migration'),
      timestamp: field('none', 'system', 'installation', 'time', 'When it was applied'),
    },
  },
  kysely_migration_lock: {
    engines: BOTH,
    system: true,
    columns: {
      id: field('none', 'system', 'installation', 'clear', 'Name of the lock'),
      is_locked: field('none', 'system', 'installation', 'count', 'Whether a migration is running'),
    },
  },
  sqlite_sequence: {
    engines: ['sqlite'],
    system: true,
    columns: {
      name: field('none', 'system', 'installation', 'clear', 'Table with an autoincrement key (SQLite internal)'),
      seq: field('none', 'system', 'installation', 'count', 'Highest key handed out'),
    },
  },
} as const satisfies Readonly<Record<string, TableDeclaration>>;

export type DatabaseInventory = typeof DATABASE_INVENTORY;
