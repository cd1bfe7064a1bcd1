/** One e-mail to one recipient; the sender address comes from configuration. */
export interface MailMessage {
  to: string;
  subject: string;
  /** Plain text; always sent, so that text-only readers and filters see the same content. */
  text: string;
  /** Optional HTML alternative, built from escaped values only (see `messages.ts`). */
  html?: string;
  /**
   * Product e-mails only (never codes): the one-click unsubscribe URL, sent as `List-Unsubscribe`
   * with `List-Unsubscribe-Post` (RFC 8058).
   */
  unsubscribeUrl?: string;
}

/**
 * Sends e-mail. Implementations: `SmtpMailer` (production, nodemailer), `FileMailOutbox`
 * (development) and `MemoryMailOutbox` (unit tests). A failure throws a `NotifyError`, whose
 * reason is stable and which never holds the address, the subject or the text.
 */
export interface Mailer {
  send(msg: MailMessage): Promise<void>;
}

/** Outbox line, also what the development page shows. */
export interface MailOutboxEntry {
  /** ISO 8601 time the message was "sent". */
  at: string;
  to: string;
  subject: string;
  text: string;
}
