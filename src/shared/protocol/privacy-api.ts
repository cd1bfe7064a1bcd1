/**
 * Data-subject requests: a person proves an e-mail address with a code (or is a signed-in sender)
 * and then sees, downloads, corrects or erases what the service holds about them, and can object
 * to product e-mails. Administrators see their organisation's queue with each request's deadline.
 *
 * The export (`PersonalData`) is the portable copy: versioned by `format`, plain JSON, times in
 * ISO 8601 UTC, one entry per stored record.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Code, Email, Id, IsoTime, VerificationMethod } from './api';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Locale = Type.Union([Type.Literal('nl'), Type.Literal('en')]);

// ---------------------------------------------------------------- proving an address

export const PrivacyChallengeRequest = Type.Object({ email: Email, locale: Type.Optional(Locale) }, { additionalProperties: false });
export type PrivacyChallengeRequest = Static<typeof PrivacyChallengeRequest>;

/** The same answer for every address, whether or not the service holds anything about it. */
export const PrivacyChallengeResponse = Type.Object({ challengeId: Id, expiresAt: IsoTime });
export type PrivacyChallengeResponse = Static<typeof PrivacyChallengeResponse>;

export const PrivacyVerifyRequest = Type.Object({ code: Code }, { additionalProperties: false });
export type PrivacyVerifyRequest = Static<typeof PrivacyVerifyRequest>;

export const PrivacySession = Type.Object({ token: Type.String(), expiresAt: IsoTime });
export type PrivacySession = Static<typeof PrivacySession>;

// ---------------------------------------------------------------- what is held

export const RecipientRecord = Type.Object({
  organisation: Type.String(),
  sender: Type.Object({ name: Type.String(), email: Type.String() }),
  messageId: Id,
  messageStatus: Type.String(),
  sentAt: IsoTime,
  expiresAt: IsoTime,
  recipientId: Id,
  name: Type.String(),
  email: Type.String(),
  method: VerificationMethod,
  phone: Nullable(Type.String()),
  codeSentAt: Nullable(IsoTime),
  verifiedAt: Nullable(IsoTime),
  openedAt: Nullable(IsoTime),
  downloadedAt: Nullable(IsoTime),
  failedAttempts: Type.Integer(),
  lockedAt: Nullable(IsoTime),
  browser: Nullable(Type.String()),
  device: Nullable(Type.String()),
});
export type RecipientRecord = Static<typeof RecipientRecord>;

export const SenderRecord = Type.Object({
  organisation: Type.String(),
  accountId: Id,
  signIn: Type.String(),
  tenantId: Nullable(Type.String()),
  objectId: Nullable(Type.String()),
  name: Type.String(),
  email: Type.String(),
  outlook: Type.Object({ host: Nullable(Type.String()), version: Nullable(Type.String()), platform: Nullable(Type.String()) }),
  browser: Nullable(Type.String()),
  device: Nullable(Type.String()),
  createdAt: IsoTime,
  lastSeenAt: IsoTime,
  messagesSent: Type.Integer(),
});
export type SenderRecord = Static<typeof SenderRecord>;

export const PrivacyRequestType = Type.Union([Type.Literal('access'), Type.Literal('rectify'), Type.Literal('erase'), Type.Literal('object')]);
export type PrivacyRequestType = Static<typeof PrivacyRequestType>;
export const PrivacyRequestStatus = Type.Union([Type.Literal('open'), Type.Literal('completed'), Type.Literal('rejected')]);
export type PrivacyRequestStatus = Static<typeof PrivacyRequestStatus>;

export const PrivacyRequestSummary = Type.Object({
  id: Id,
  type: PrivacyRequestType,
  subjectKind: Type.Union([Type.Literal('recipient'), Type.Literal('sender')]),
  source: Type.Union([Type.Literal('self'), Type.Literal('admin')]),
  status: PrivacyRequestStatus,
  createdAt: IsoTime,
  /** 48 hours after `createdAt`: the answer the privacy notice promises. */
  dueAt: IsoTime,
  handledAt: Nullable(IsoTime),
});
export type PrivacyRequestSummary = Static<typeof PrivacyRequestSummary>;

export const AuditRecord = Type.Object({
  at: IsoTime,
  type: Type.String(),
  messageId: Nullable(Type.String()),
});

export const PersonalData = Type.Object({
  format: Type.Literal('sealpost-personal-data/1'),
  generatedAt: IsoTime,
  email: Type.String(),
  /** Whether product e-mails (notices about your messages) to this address are switched off. */
  productEmailsOff: Type.Boolean(),
  asRecipient: Type.Array(RecipientRecord),
  asSender: Type.Array(SenderRecord),
  requests: Type.Array(PrivacyRequestSummary),
  /** Audit events about these records: event kind, time and message id only. */
  auditEvents: Type.Array(AuditRecord),
});
export type PersonalData = Static<typeof PersonalData>;

// ---------------------------------------------------------------- acting on it

export const RectifyRequest = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    /** A mobile number; any common notation, normalised to E.164 (Dutch by default). */
    phone: Type.Optional(Type.String({ minLength: 6, maxLength: 32 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type RectifyRequest = Static<typeof RectifyRequest>;

export const RectifyResponse = Type.Object({
  /** Fields changed at once. */
  applied: Type.Array(Type.String()),
  /**
   * A new mobile number changes where codes go, so it cannot be the recipient's own say-so: it is
   * queued for the sending organisation, which confirms it with the person and applies it.
   */
  queued: Type.Array(PrivacyRequestSummary),
});
export type RectifyResponse = Static<typeof RectifyResponse>;

export const EraseResponse = Type.Object({ erasedRecords: Type.Integer() });
export type EraseResponse = Static<typeof EraseResponse>;

export const ObjectionRequest = Type.Object({ productEmailsOff: Type.Boolean() }, { additionalProperties: false });
export type ObjectionRequest = Static<typeof ObjectionRequest>;
export const ObjectionResponse = ObjectionRequest;

// ---------------------------------------------------------------- the administrator's queue

export const AdminPrivacyRequest = Type.Object(
  {
    subjectKind: Type.Union([Type.Literal('recipient'), Type.Literal('sender')]),
    email: Email,
    type: PrivacyRequestType,
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    phone: Type.Optional(Type.String({ minLength: 6, maxLength: 32 })),
    productEmailsOff: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type AdminPrivacyRequest = Static<typeof AdminPrivacyRequest>;

export const AdminQueueEntry = Type.Intersect([
  PrivacyRequestSummary,
  Type.Object({
    overdue: Type.Boolean(),
    /** Only while open: whom it is about, and the correction asked for. */
    email: Nullable(Type.String()),
    requestedChange: Nullable(Type.Object({ phone: Type.Optional(Type.String()), name: Type.Optional(Type.String()) })),
  }),
]);
export type AdminQueueEntry = Static<typeof AdminQueueEntry>;

export const AdminQueue = Type.Object({ requests: Type.Array(AdminQueueEntry) });
export type AdminQueue = Static<typeof AdminQueue>;

export const AdminPrivacyResponse = Type.Object({
  request: AdminQueueEntry,
  /** For access: what the organisation holds about the person (its own records only). */
  data: Type.Optional(PersonalData),
  erasedRecords: Type.Optional(Type.Integer()),
});
export type AdminPrivacyResponse = Static<typeof AdminPrivacyResponse>;

/**
 * The name of a personal-data export file, `sealpost-personal-data-2030-04-01.json`, from the
 * export's own date; without a date, `sealpost-personal-data.json`.
 */
export function personalDataFileName(generatedAt: string): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(generatedAt)?.[0];
  return day ? `sealpost-personal-data-${day}.json` : 'sealpost-personal-data.json';
}
