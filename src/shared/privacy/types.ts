/**
 * The vocabulary of the data inventory: who a field is about, why it is kept, on which legal
 * ground, for how long, where, and in what form. Everything the notice and the record of
 * processing say is derived from values of these types.
 */

export type Locale = 'nl' | 'en';
export type Localised = Readonly<Record<Locale, string>>;

/**
 * Whose data it is (the categories of the privacy statement): B = a sender (service user),
 * C = a recipient of a secure message, `B+C` = either, `none` = not personal data (system state,
 * organisation policy, key material the service cannot use on its own).
 */
export type Category = 'B' | 'C' | 'B+C' | 'none';

export type PurposeId =
  | 'account'
  | 'sending'
  | 'recipient-access'
  | 'security'
  | 'accountability'
  | 'operations'
  | 'organisation-policy'
  | 'convenience'
  | 'system'
  | 'development'
  | 'rights';

export type LegalBasisId = 'contract' | 'legitimate-interest' | 'legal-obligation' | 'test-data-only' | 'not-personal';

export type RetentionId =
  | 'message'
  | 'message-tombstone'
  | 'account'
  | 'organisation'
  | 'audit'
  | 'rate-window'
  | 'memory-minute'
  | 'logs'
  | 'mailbox-phone-book'
  | 'mailbox-setting'
  | 'addin-storage'
  | 'draft-item'
  | 'sent-mail'
  | 'sign-in-cache'
  | 'browser-setting'
  | 'installation'
  | 'development'
  | 'privacy-session'
  | 'privacy-request'
  | 'objection';

export type LocationId =
  | 'database'
  | 'blob-store'
  | 'service-logs'
  | 'service-memory'
  | 'rate-limit-store'
  | 'dev-outbox'
  | 'mailbox-roaming'
  | 'addin-runtime-storage'
  | 'compose-item'
  | 'addin-browser-storage'
  | 'portal-browser-storage';

/** The human-level data items the notice lists; several stored fields can make up one item. */
export type NoticeItemId =
  | 'organisation-name'
  | 'azure-ids'
  | 'name'
  | 'email'
  | 'phone'
  | 'client-kind'
  | 'outlook-version'
  | 'account-record'
  | 'message-record'
  | 'notice-acknowledgement'
  | 'sign-in-cache'
  | 'access-record'
  | 'code-hashes'
  | 'address-hash'
  | 'session'
  | 'audit-trail'
  | 'technical-logs'
  | 'network-address-hash'
  | 'phone-book'
  | 'privacy-proof'
  | 'privacy-requests'
  | 'mail-opt-out';

/** Who else gets a field: a processor acting for the controller, or the sender of the message. */
export type SharedWith = 'sms-provider' | 'mail-provider' | 'sender';

/**
 * The form a value is kept in. `keyed-hash` is an HMAC with a server secret (recognisable, not
 * reversible); `wrapped` is encrypted with a server key; `end-to-end` is ciphertext whose key the
 * service never has; `identifier` is a random id that only points at another record.
 */
export type Form = 'clear' | 'identifier' | 'keyed-hash' | 'hash' | 'wrapped' | 'end-to-end' | 'time' | 'count';

/** One stored field. */
export interface FieldEntry {
  readonly category: Category;
  /** What the field holds, for the record of processing (English, one line). */
  readonly holds: string;
  readonly form: Form;
  readonly purpose: PurposeId;
  readonly basis: LegalBasisId;
  readonly retention: RetentionId;
  /** The notice item this field belongs to; required for personal data (category other than `none`). */
  readonly item?: NoticeItemId;
  readonly sharedWith?: readonly SharedWith[];
}

/** A database table: every column, and the engines on which the table exists. */
export interface TableDeclaration {
  readonly engines: readonly ('sqlite' | 'postgres')[];
  /** Kysely's bookkeeping and engine internals are declared too, as system metadata. */
  readonly system?: boolean;
  readonly columns: Readonly<Record<string, FieldEntry>>;
}

/** Anything stored outside the database: blobs, logs, memory, mailboxes, browsers. */
export interface StoredField extends FieldEntry {
  /** Stable id, e.g. `log.req.url` or `roaming.sealpost.phones`. */
  readonly id: string;
  readonly location: LocationId;
  /** The key, file or log field name as it appears in that store. */
  readonly key: string;
  /** Only in development set-ups (outboxes, development sign-in); never holds real people's data. */
  readonly developmentOnly?: boolean;
}

/** A flattened view of every declared field, database columns included. */
export interface InventoryRow extends StoredField {
  readonly table?: string;
  readonly column?: string;
}

/**
 * `"table.column"` for every column of schema `DB` that `Declared` does not declare; `never` when
 * the inventory covers the schema. Server code applies it to its `Database` type.
 */
export type UndeclaredColumns<DB, Declared> = {
  [T in keyof DB & string]: T extends keyof Declared
    ? Declared[T] extends { columns: infer C }
      ? `${T}.${Exclude<keyof DB[T] & string, keyof C & string>}`
      : `${T}.*`
    : `${T}.*`;
}[keyof DB & string];

/** `"table.column"` for every declared application column that schema `DB` does not have. */
export type PhantomColumns<DB, Declared> = {
  [T in keyof Declared & string]: Declared[T] extends { system: true }
    ? never
    : T extends keyof DB
      ? Declared[T] extends { columns: infer C }
        ? `${T}.${Exclude<keyof C & string, keyof DB[T] & string>}`
        : never
      : `${T}.*`;
}[keyof Declared & string];

/** What the notice needs to know about the deployment: the controller and its processors. */
export interface ControllerConfig {
  /** Legal name of the controller, e.g. "Zorggroep Voorbeeld B.V.". */
  readonly name: string;
  /** Postal address on one line. */
  readonly address: string;
  /** The data protection officer's e-mail address. */
  readonly dpoEmail: string;
  /** Where people send requests about their data. */
  readonly contactEmail: string;
  readonly processors: readonly Processor[];
  /** How many days the hosting keeps the service's logs. */
  readonly logRetentionDays: number;
  /** Settings still at their development example values: the notice then says so at the top. */
  readonly placeholders: readonly string[];
}

export type ProcessorRole = 'hosting' | 'sms' | 'mail' | 'other';

export interface Processor {
  readonly role: ProcessorRole;
  /** Name and place as the controller wants it shown, e.g. "MessageBird B.V., Amsterdam (NL)". */
  readonly name: string;
}
