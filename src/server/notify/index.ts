/**
 * Picks the SMS sender and the mailer from configuration: development outboxes in the embedded
 * default, real providers in production. The server config validates the values and passes
 * this shape in; nothing here reads the environment.
 */
import { FileMailOutbox } from './mail-outbox';
import { SmtpMailer } from './mail-smtp';
import type { Mailer } from './mail';
import { silentLogger, type NotifyLogger } from './notify-error';
import type { SmsSender } from './sms';
import { MessageBirdSmsSender } from './sms-messagebird';
import { FileSmsOutbox } from './sms-outbox';
import { TwilioSmsSender } from './sms-twilio';

export type SmsConfig =
  | {
      /** Development: append each SMS as a JSON line to a file. */
      kind: 'outbox';
      /** File to append to; its directory is created on first use. */
      path: string;
    }
  | {
      kind: 'twilio';
      /** Account SID (AC…), part of the request path. */
      accountSid: string;
      /** The account's auth token, or an API key secret when `apiKeySid` is set. */
      authToken: string;
      /** Optional API key SID (SK…) to authenticate with instead of the account itself. */
      apiKeySid?: string;
      /** Sender number in E.164 or alphanumeric sender id; needed unless `messagingServiceSid` is set. */
      from?: string;
      /** Messaging Service SID (MG…) that chooses the sender; wins over `from`. */
      messagingServiceSid?: string;
      /** API origin; defaults to https://api.twilio.com. */
      baseUrl?: string;
      /** Request deadline in milliseconds; defaults to 10000. */
      timeoutMs?: number;
    }
  | {
      kind: 'messagebird';
      /** Live access key. */
      accessKey: string;
      /** Sender name (at most 11 letters/digits) or number. */
      originator: string;
      /** API origin; defaults to https://rest.messagebird.com. */
      baseUrl?: string;
      /** Request deadline in milliseconds; defaults to 10000. */
      timeoutMs?: number;
    };

export type MailConfig =
  | {
      /** Development: append each e-mail as a JSON line to a file. */
      kind: 'outbox';
      /** File to append to; its directory is created on first use. */
      path: string;
    }
  | {
      kind: 'smtp';
      /** SMTP server host name. */
      host: string;
      /** SMTP port: 465 with `secure`, else usually 587 (or 25). */
      port: number;
      /** TLS from the first byte (port 465); otherwise STARTTLS when offered. */
      secure: boolean;
      /** Fail unless STARTTLS succeeds; recommended on port 587. */
      requireTls?: boolean;
      /** User name, when the server wants authentication. */
      user?: string;
      /** Password for `user`. */
      pass?: string;
      /** From header and envelope sender, e.g. `"Sealpost" <no-reply@example.org>`. */
      from: string;
      /** Milliseconds to connect; defaults to 10000. */
      connectionTimeoutMs?: number;
      /** Milliseconds to wait for the greeting; defaults to 10000. */
      greetingTimeoutMs?: number;
    };

export interface NotifyConfig {
  /** How verification codes travel by SMS. */
  sms: SmsConfig;
  /** How e-mail (codes, notices) is sent. */
  mail: MailConfig;
}

export interface Notifiers {
  sms: SmsSender;
  mail: Mailer;
}

/** Builds the senders; throws on a configuration a provider cannot work with. */
export function createNotifiers(config: NotifyConfig, logger: NotifyLogger = silentLogger): Notifiers {
  return { sms: createSmsSender(config.sms, logger), mail: createMailer(config.mail, logger) };
}

function createSmsSender(config: SmsConfig, logger: NotifyLogger): SmsSender {
  switch (config.kind) {
    case 'outbox':
      return new FileSmsOutbox(config.path, logger);
    case 'twilio': {
      const { kind: _kind, ...options } = config;
      return new TwilioSmsSender({ ...options, logger });
    }
    case 'messagebird': {
      const { kind: _kind, ...options } = config;
      return new MessageBirdSmsSender({ ...options, logger });
    }
  }
}

function createMailer(config: MailConfig, logger: NotifyLogger): Mailer {
  switch (config.kind) {
    case 'outbox':
      return new FileMailOutbox(config.path, logger);
    case 'smtp': {
      const { kind: _kind, ...options } = config;
      return new SmtpMailer({ ...options, logger });
    }
  }
}

export type { SmsSender, SmsMessage, SmsOutboxEntry } from './sms';
export type { Mailer, MailMessage, MailOutboxEntry } from './mail';
export { NotifyError, type NotifyFailure, type NotifyChannel, type NotifyLogger } from './notify-error';
export { FileSmsOutbox, MemorySmsOutbox, readSmsOutbox } from './sms-outbox';
export { FileMailOutbox, MemoryMailOutbox, readMailOutbox } from './mail-outbox';
export { readOutbox } from './outbox-file';
export { TwilioSmsSender } from './sms-twilio';
export { MessageBirdSmsSender } from './sms-messagebird';
export { SmtpMailer } from './mail-smtp';
export { CODE_VALIDITY_MINUTES, codeEmail, codeSms, messageWaitingEmail, type EmailContent, type Locale } from './messages';
