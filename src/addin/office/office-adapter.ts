/**
 * Everything the add-in asks of Outlook, promise based. This interface is the only door to the
 * `Office` global: `office-js-adapter.ts` implements it over Office.js, `fake-office.ts` in memory
 * for tests and the browser harness. Keeping Office.js behind it lets the task pane and the
 * on-send handler be tested without Outlook.
 */

export type RecipientField = 'to' | 'cc' | 'bcc';

export interface ComposeRecipient {
  field: RecipientField;
  /** As Outlook gives it; may be empty for unresolved entries. */
  email: string;
  name: string;
}

export interface ComposeAttachment {
  /** Outlook's attachment id (web and new Outlook: valid in this compose session only). */
  id: string;
  name: string;
  /** Bytes, as Outlook reports it. */
  size: number;
  /** file: bytes we can read; item: an attached message or event; cloud: a link to OneDrive/SharePoint. */
  kind: 'file' | 'item' | 'cloud';
  isInline: boolean;
  contentType?: string;
}

export interface AttachmentContent {
  format: 'base64' | 'eml' | 'icalendar' | 'url';
  content: string;
}

/** From `Office.context.diagnostics` and `Office.context.displayLanguage` (category B, no user-agent). */
export interface HostInfo {
  /** e.g. "Outlook". */
  host: string;
  /** e.g. "16.0.17425.20000". */
  version: string;
  /** e.g. "PC", "OfficeOnline", "Mac". */
  platform: string;
  /** BCP 47, e.g. "nl-NL". */
  displayLanguage: string;
}

export interface OfficeAdapter {
  hostInfo(): HostInfo;
  /** Whether the client supports `Mailbox` requirement set `version` (e.g. "1.15" for sendAsync). */
  supportsMailbox(version: string): boolean;
  userProfile(): { displayName: string; emailAddress: string };

  getRecipients(): Promise<ComposeRecipient[]>;
  /** Calls `listener` whenever To, Cc or Bcc change; resolves to an unsubscribe function. */
  onRecipientsChanged(listener: () => void): Promise<() => Promise<void>>;
  getSubject(): Promise<string>;
  getBodyHtml(): Promise<string>;
  getBodyText(): Promise<string>;
  listAttachments(): Promise<ComposeAttachment[]>;
  getAttachmentContent(id: string): Promise<AttachmentContent>;

  setBodyHtml(html: string): Promise<void>;
  removeAttachment(id: string): Promise<void>;
  /** Internet headers travel with the message (x-… names). */
  setInternetHeaders(headers: Record<string, string>): Promise<void>;
  getInternetHeaders(names: string[]): Promise<Record<string, string>>;
  /** Per-item data for this compose session, shared with the event runtime (Mailbox 1.11). */
  getSessionData(key: string): Promise<string | null>;
  setSessionData(key: string, value: string): Promise<void>;

  /** Mailbox-level settings that roam with the user (at most 32 KB in all). */
  getRoaming<T>(key: string): T | undefined;
  setRoaming(key: string, value: unknown): Promise<void>;

  /** Sends the item (Mailbox 1.15, read/write mailbox); code after it may not run. */
  sendItem(): Promise<void>;
  /** A short info bar on the item. */
  showNotification(key: string, message: string): Promise<void>;
}

/** Thrown by adapters with Office's error code, so callers can branch on codes, not text. */
export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'OfficeError';
  }
}

/** The internet header that marks an item as sealed by Sealpost; its value is the message id. */
export const SEALED_HEADER = 'x-sealpost-sealed';
/** Session-data key with the same meaning, for the event runtime's quick check. */
export const SEALED_SESSION_KEY = 'sealpost.sealed';
