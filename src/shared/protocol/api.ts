/**
 * The HTTP API of the Sealpost service, as TypeBox schemas: the server validates with them and
 * publishes them as OpenAPI; the portal and the add-in use the static types.
 *
 * Binary bodies (encrypted parts) are `application/octet-stream` and have no JSON schema.
 * Every error body is `{ code, message }` (see `../errors.ts`).
 */
import { Type, type Static } from '@sinclair/typebox';
import { PolicySchema } from '../detect/schema';

/** 128-bit random ids, base64url without padding (22 characters). */
export const Id = Type.String({ pattern: '^[A-Za-z0-9_-]{22}$', description: '128-bit random id, base64url' });
/** 256-bit values (server share), base64url without padding (43 characters). */
export const Key256 = Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' });
export const Email = Type.String({ format: 'email', minLength: 3, maxLength: 254 });
export const E164 = Type.String({ pattern: '^\\+[1-9][0-9]{6,14}$', description: 'E.164 mobile number' });
export const Code = Type.String({ pattern: '^[0-9]{6}$' });
export const IsoTime = Type.String({ format: 'date-time' });

export const VerificationMethod = Type.Union([
  Type.Literal('sms'),
  Type.Literal('email'),
  Type.Literal('access_code'),
]);
export type VerificationMethod = Static<typeof VerificationMethod>;

export const ErrorResponse = Type.Object({
  code: Type.String(),
  message: Type.String(),
  details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});

// ---------------------------------------------------------------- sender: sign-in

export const DevSignInRequest = Type.Object(
  {
    email: Email,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    organisation: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    /** Development only: sign in with the administrator role. */
    admin: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type DevSignInRequest = Static<typeof DevSignInRequest>;

export const SignInResponse = Type.Object({ token: Type.String(), expiresAt: IsoTime });
export type SignInResponse = Static<typeof SignInResponse>;

/** What the add-in reports about where it runs (category B; never a full user-agent). */
export const ClientInfo = Type.Object(
  {
    outlookHost: Type.Optional(Type.String({ maxLength: 40 })),
    outlookVersion: Type.Optional(Type.String({ maxLength: 40 })),
    outlookPlatform: Type.Optional(Type.String({ maxLength: 40 })),
    /** A coarse family only (never a user-agent string). */
    browser: Type.Optional(Type.Union(['edge', 'chrome', 'firefox', 'safari', 'outlook', 'other'].map((v) => Type.Literal(v)))),
    device: Type.Optional(Type.Union(['desktop', 'mobile', 'tablet', 'other'].map((v) => Type.Literal(v)))),
  },
  { additionalProperties: false },
);
export type ClientInfo = Static<typeof ClientInfo>;

// ---------------------------------------------------------------- sender: messages

export const RecipientInput = Type.Object(
  {
    name: Type.String({ maxLength: 200 }),
    email: Email,
    method: VerificationMethod,
    /** Required when method is `sms`: a mobile number, normalised by the service to E.164 (Dutch by default). */
    phone: Type.Optional(Type.String({ minLength: 6, maxLength: 32 })),
  },
  { additionalProperties: false },
);
export type RecipientInput = Static<typeof RecipientInput>;

export const PartDeclaration = Type.Object(
  {
    /** Exact ciphertext size in bytes (see `ciphertextSize` in shared/crypto). */
    size: Type.Integer({ minimum: 40 }),
  },
  { additionalProperties: false },
);

export const CreateMessageRequest = Type.Object(
  {
    recipients: Type.Array(RecipientInput, { minItems: 1, maxItems: 100 }),
    /** Part 0 is the encrypted content (subject, body, attachment list); parts 1..n are attachments. */
    parts: Type.Array(PartDeclaration, { minItems: 1, maxItems: 101 }),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
    /** Language for the notification texts (code e-mails and SMS). */
    locale: Type.Optional(Type.Union([Type.Literal('nl'), Type.Literal('en')])),
  },
  { additionalProperties: false },
);
export type CreateMessageRequest = Static<typeof CreateMessageRequest>;

export const CreatedRecipient = Type.Object({
  id: Id,
  email: Type.String(),
  method: VerificationMethod,
  /** Only for `access_code`, and only in this response: the sender passes it on by phone. */
  accessCode: Type.Optional(Code),
});

export const CreateMessageResponse = Type.Object({
  id: Id,
  serverShare: Key256,
  expiresAt: IsoTime,
  recipients: Type.Array(CreatedRecipient),
});
export type CreateMessageResponse = Static<typeof CreateMessageResponse>;

export const MessageStatus = Type.Union([
  Type.Literal('draft'),
  Type.Literal('sealed'),
  Type.Literal('revoked'),
  Type.Literal('expired'),
]);
export type MessageStatus = Static<typeof MessageStatus>;

export const RecipientStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('code_sent'),
  Type.Literal('verified'),
  Type.Literal('opened'),
  Type.Literal('downloaded'),
  Type.Literal('locked'),
  /** The recipient had their data erased: a tombstone without name or address. */
  Type.Literal('erased'),
]);
export type RecipientStatus = Static<typeof RecipientStatus>;

export const MessageSummary = Type.Object({
  id: Id,
  status: MessageStatus,
  createdAt: IsoTime,
  expiresAt: IsoTime,
  totalSize: Type.Integer(),
  recipients: Type.Array(
    Type.Object({
      id: Id,
      name: Type.String(),
      email: Type.String(),
      method: VerificationMethod,
      status: RecipientStatus,
      verifiedAt: Type.Union([IsoTime, Type.Null()]),
      openedAt: Type.Union([IsoTime, Type.Null()]),
      downloadedAt: Type.Union([IsoTime, Type.Null()]),
    }),
  ),
});
export type MessageSummary = Static<typeof MessageSummary>;

export const MessageList = Type.Object({ messages: Type.Array(MessageSummary) });
export type MessageList = Static<typeof MessageList>;

export const UnlockResponse = Type.Object({ accessCode: Type.Optional(Code) });

// ---------------------------------------------------------------- recipient

export const MessageAvailability = Type.Object({ id: Id, expiresAt: IsoTime });
export type MessageAvailability = Static<typeof MessageAvailability>;

export const StartVerificationRequest = Type.Object(
  {
    email: Email,
    locale: Type.Optional(Type.Union([Type.Literal('nl'), Type.Literal('en')])),
  },
  { additionalProperties: false },
);
export type StartVerificationRequest = Static<typeof StartVerificationRequest>;

/** A new code for the same address (the portal keeps the address it was given). */
export const ResendRequest = StartVerificationRequest;
export type ResendRequest = StartVerificationRequest;

/**
 * Identical in shape (and in timing, as far as the service can make it) whether or not the address
 * is a recipient: a non-recipient gets a decoy verification that can never succeed.
 */
export const StartVerificationResponse = Type.Object({
  verificationId: Id,
  method: VerificationMethod,
  /** SMS: the last 3 digits of the number; e-mail: a masked address; access code: null. */
  destinationHint: Type.Union([Type.String(), Type.Null()]),
  expiresAt: IsoTime,
});
export type StartVerificationResponse = Static<typeof StartVerificationResponse>;

export const VerifyRequest = Type.Object({ code: Code }, { additionalProperties: false });
export type VerifyRequest = Static<typeof VerifyRequest>;

export const PartInfo = Type.Object({ index: Type.Integer({ minimum: 0 }), size: Type.Integer() });

/** What a live session may see again: its expiry and the parts to fetch. */
export const SessionInfo = Type.Object({
  sessionExpiresAt: IsoTime,
  parts: Type.Array(PartInfo),
});
export type SessionInfo = Static<typeof SessionInfo>;

export const VerifyResponse = Type.Object({
  /** Bearer token for the part downloads; short-lived. */
  sessionToken: Type.String(),
  sessionExpiresAt: IsoTime,
  serverShare: Key256,
  parts: Type.Array(PartInfo),
});
export type VerifyResponse = Static<typeof VerifyResponse>;

export { routes } from './routes';

// ---------------------------------------------------------------- organisation settings and add-in

/** The admin's settings for the organisation: what the detectors do, and what on-send does offline. */
export const OrganisationSettings = Type.Object(
  {
    policy: PolicySchema,
    /** Stop sending when the policy cannot be checked (service unreachable); default: let it go. */
    failClosed: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type OrganisationSettings = Static<typeof OrganisationSettings>;

/** What the task pane needs to know before sign-in. */
export const AddinConfig = Type.Object({
  azure: Type.Union([
    Type.Object({ clientId: Type.String(), authority: Type.String(), scopes: Type.Array(Type.String()) }),
    Type.Null(),
  ]),
  devSignIn: Type.Boolean(),
  privacyUrl: Type.String(),
});
export type AddinConfig = Static<typeof AddinConfig>;
