/** One text message to one recipient. */
export interface SmsMessage {
  /** The recipient in E.164 (`+31612345678`), as `normalisePhone` gives it. */
  to: string;
  /** The text; keep it within one GSM-7 segment (160 characters), see `messages.ts`. */
  text: string;
}

/**
 * Sends text messages. Implementations: `FileSmsOutbox` (development), `MemorySmsOutbox`
 * (unit tests), `TwilioSmsSender` and `MessageBirdSmsSender` (production). A failure throws a
 * `NotifyError`, whose reason is stable and which never holds the number or the text.
 */
export interface SmsSender {
  send(msg: SmsMessage): Promise<{ providerId?: string }>;
}

/** Outbox line, also what the development page shows. */
export interface SmsOutboxEntry {
  /** ISO 8601 time the message was "sent". */
  at: string;
  to: string;
  text: string;
}
