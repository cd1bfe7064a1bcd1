/**
 * E-mail over SMTP with nodemailer: one connection per message (codes are rare and must not wait
 * behind a pool), short connection and greeting timeouts so that a dead server fails the request
 * quickly, and every nodemailer failure mapped to a `NotifyError` without the server's reply text
 * (which often quotes the recipient's address).
 */
import { createTransport } from 'nodemailer';
import type { Mailer, MailMessage } from './mail';
import { NotifyError, silentLogger, type NotifyFailure, type NotifyLogger } from './notify-error';

export interface SmtpOptions {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS is used when the server offers it. */
  secure: boolean;
  /** Refuse to send unless STARTTLS succeeds; set it for port 587 outside a trusted network. */
  requireTls?: boolean;
  user?: string;
  pass?: string;
  /** The From address, e.g. `"Sealpost" <no-reply@example.org>`. */
  from: string;
  /** Time to open the TCP (and TLS) connection; defaults to 10 seconds. */
  connectionTimeoutMs?: number;
  /** Time to wait for the server's greeting once connected; defaults to 10 seconds. */
  greetingTimeoutMs?: number;
  /** Inactivity allowed during the exchange; defaults to 30 seconds. */
  socketTimeoutMs?: number;
  logger?: NotifyLogger;
}

interface NodemailerError {
  code?: string;
  responseCode?: number;
  command?: string;
}

export class SmtpMailer implements Mailer {
  private readonly transport: ReturnType<typeof createTransport>;
  private readonly logger: NotifyLogger;

  constructor(private readonly options: SmtpOptions) {
    this.transport = createTransport({
      host: options.host,
      port: options.port,
      secure: options.secure,
      requireTLS: options.requireTls ?? false,
      auth: options.user ? { user: options.user, pass: options.pass ?? '' } : undefined,
      connectionTimeout: options.connectionTimeoutMs ?? 10_000,
      greetingTimeout: options.greetingTimeoutMs ?? 10_000,
      socketTimeout: options.socketTimeoutMs ?? 30_000,
      tls: { minVersion: 'TLSv1.2' },
      // Messages are built from our own templates; nothing may pull in local files or URLs.
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    this.logger = options.logger ?? silentLogger;
  }

  async send(msg: MailMessage): Promise<void> {
    const started = Date.now();
    try {
      const info = await this.transport.sendMail({
        from: this.options.from,
        to: msg.to,
        subject: msg.subject,
        text: msg.text,
        html: msg.html,
        // Keep out-of-office replies and auto-forwards away from a no-reply notification (RFC 3834).
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All', ...unsubscribeHeaders(msg) },
      });
      const ms = Date.now() - started;
      this.logger.info({ event: 'mail_sent', provider: 'smtp', providerId: info.messageId, ms }, 'mail accepted by smtp server');
    } catch (error) {
      const details = (error ?? {}) as NodemailerError;
      const failure = new NotifyError({
        channel: 'mail',
        provider: 'smtp',
        reason: reasonFor(details),
        providerCode: details.responseCode ?? details.code,
      });
      const ms = Date.now() - started;
      this.logger.warn({ event: 'mail_failed', ...failure.toLog(), ms }, 'smtp server did not accept the mail');
      throw failure;
    }
  }

  /** Closes idle sockets; only needed at shutdown. */
  close(): void {
    this.transport.close();
  }
}

function reasonFor(error: NodemailerError): NotifyFailure {
  const code = error.code;
  const reply = error.responseCode;
  if (code === 'EAUTH' || code === 'ENOAUTH') return 'auth_failed';
  if (code === 'ETIMEDOUT') return 'timeout';
  if (code === 'EENVELOPE' && reply !== undefined && reply >= 500) return 'recipient_rejected';
  if (reply !== undefined && reply >= 500) return 'rejected';
  return 'unavailable';
}

/** RFC 2369 and RFC 8058: product e-mails carry a one-click unsubscribe link. */
function unsubscribeHeaders(msg: MailMessage): Record<string, string> {
  if (!msg.unsubscribeUrl) return {};
  return { 'List-Unsubscribe': `<${msg.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
