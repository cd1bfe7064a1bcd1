/**
 * The database as Kysely sees it. Times are epoch milliseconds (one representation on both
 * engines); binary columns are Buffers. Every column here is declared in the data inventory.
 */
import type { Generated } from 'kysely';

export interface OrganisationsTable {
  id: string;
  name: string;
  /** Azure tenant id when the organisation signs in with Entra ID. */
  tenant_id: string | null;
  contract_ends_at: number | null;
  created_at: number;
  /** JSON: the organisation's settings (detection policy, fail-closed); null means defaults. */
  settings: string | null;
}

export interface SendersTable {
  id: string;
  organisation_id: string;
  /** 'local' (development identity provider) or 'azure'. */
  issuer: string;
  tid: string | null;
  oid: string;
  name: string;
  email: string;
  outlook_host: string | null;
  outlook_version: string | null;
  outlook_platform: string | null;
  browser: string | null;
  device: string | null;
  created_at: number;
  last_seen_at: number;
}

export interface MessagesTable {
  id: string;
  organisation_id: string;
  sender_id: string;
  status: 'draft' | 'sealed' | 'revoked' | 'expired';
  wrapped_share: Buffer;
  part_count: number;
  total_size: number;
  locale: string;
  created_at: number;
  expires_at: number;
  finalised_at: number | null;
  revoked_at: number | null;
  /** Set by the retention purge before it deletes anything: the message is closed for good. */
  purge_started_at: number | null;
  /** Set when the purge finished: what is left is a tombstone without personal data. */
  purged_at: number | null;
}

export interface MessagePartsTable {
  message_id: string;
  idx: number;
  size: number;
  uploaded_at: number | null;
}

export interface RecipientsTable {
  id: string;
  message_id: string;
  name: string;
  email: string;
  method: 'sms' | 'email' | 'access_code';
  phone: string | null;
  access_code_hash: Buffer | null;
  failures: number;
  locked_at: number | null;
  code_sent_at: number | null;
  verified_at: number | null;
  opened_at: number | null;
  downloaded_at: number | null;
  browser: string | null;
  device: string | null;
  /** Set when the recipient had their data erased: the row is then a tombstone for the sender. */
  erased_at: number | null;
}

export interface VerificationsTable {
  id: string;
  message_id: string;
  /** Null for a decoy (the address is not a recipient). */
  recipient_id: string | null;
  /** HMAC of the lower-cased address given, to rate-limit per address without storing it. */
  subject_hash: Buffer;
  code_hash: Buffer | null;
  tries: number;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface SessionsTable {
  /** SHA-256 of the bearer token; the token itself is never stored. */
  token_hash: Buffer;
  message_id: string;
  recipient_id: string;
  created_at: number;
  expires_at: number;
}

export interface AuditEventsTable {
  seq: Generated<number>;
  at: number;
  type: string;
  organisation_id: string | null;
  message_id: string | null;
  recipient_id: string | null;
  sender_id: string | null;
  /** Hash chain (see services/audit-chain.ts); null only if someone tampered with the row. */
  prev_hash: Buffer | null;
  hash: Buffer | null;
}

/** One row (id 1): the audit chain's head and, after retention deleted old events, its anchor. */
export interface AuditChainTable {
  id: number;
  head_seq: number;
  head_hash: Buffer;
  anchor_seq: number;
  anchor_hash: Buffer;
  anchored_at: number | null;
}

/** An e-mail address being proven for a data-subject request, then the session it opened. */
export interface PrivacyChallengesTable {
  id: string;
  /** Lower-cased address; the row goes when the challenge or its session ends (at most an hour). */
  address: string;
  /** HMAC of the address: limits challenges per address. */
  subject_hash: Buffer;
  code_hash: Buffer;
  tries: number;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  /** SHA-256 of the session token, once the code was right. */
  token_hash: Buffer | null;
  session_expires_at: number | null;
}

export type PrivacyRequestType = 'access' | 'rectify' | 'erase' | 'object';

/** One data-subject request in an organisation's queue. */
export interface PrivacyRequestsTable {
  id: string;
  organisation_id: string;
  subject_kind: 'recipient' | 'sender';
  type: PrivacyRequestType;
  source: 'self' | 'admin';
  status: 'open' | 'completed' | 'rejected';
  /** Only while the request is open: whose data it is about. */
  subject_email: string | null;
  /** Only while the request is open: the correction asked for, as JSON. */
  requested_change: string | null;
  created_at: number;
  due_at: number;
  handled_at: number | null;
  /** Sender id of the administrator who handled it (null for self-service). */
  handled_by: string | null;
}

export interface MailOptOutsTable {
  /** HMAC of the lower-cased address. */
  address_hash: Buffer;
  created_at: number;
}

export interface BlobChunksTable {
  blob_key: string;
  seq: number;
  data: Buffer;
}

export interface Database {
  organisations: OrganisationsTable;
  senders: SendersTable;
  messages: MessagesTable;
  message_parts: MessagePartsTable;
  recipients: RecipientsTable;
  verifications: VerificationsTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
  audit_chain: AuditChainTable;
  blob_chunks: BlobChunksTable;
  privacy_challenges: PrivacyChallengesTable;
  privacy_requests: PrivacyRequestsTable;
  mail_opt_outs: MailOptOutsTable;
}
