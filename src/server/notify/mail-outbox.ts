/**
 * Development and test stand-ins for an SMTP server: nothing leaves the machine, and the code can
 * be read back from a file (embedded default, end-to-end tests) or from memory (unit tests).
 */
import { appendOutboxLine, readOutbox } from './outbox-file';
import { NotifyError, silentLogger, type NotifyFailure, type NotifyLogger } from './notify-error';
import type { MailMessage, MailOutboxEntry, Mailer } from './mail';

/** Appends `{ at, to, subject, text }` as one JSON line per message to `path`. */
export class FileMailOutbox implements Mailer {
  constructor(
    private readonly path: string,
    private readonly logger: NotifyLogger = silentLogger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(msg: MailMessage): Promise<void> {
    const entry: MailOutboxEntry = { at: this.now().toISOString(), to: msg.to, subject: msg.subject, text: msg.text };
    await appendOutboxLine(this.path, entry);
    this.logger.info({ event: 'mail_sent', provider: 'outbox' }, 'mail written to the development outbox');
  }
}

/** Every e-mail in the outbox file, oldest first; for tests and the development page. */
export function readMailOutbox(path: string): Promise<MailOutboxEntry[]> {
  return readOutbox<MailOutboxEntry>(path);
}

/** Keeps messages (with their HTML) in memory; `failNext` makes the next send fail. */
export class MemoryMailOutbox implements Mailer {
  readonly sent: Array<MailOutboxEntry & { html?: string; unsubscribeUrl?: string }> = [];
  private failures: NotifyFailure[] = [];

  constructor(private readonly now: () => Date = () => new Date()) {}

  async send(msg: MailMessage): Promise<void> {
    const failure = this.failures.shift();
    if (failure) throw new NotifyError({ channel: 'mail', provider: 'memory', reason: failure });
    this.sent.push({ at: this.now().toISOString(), to: msg.to, subject: msg.subject, text: msg.text, html: msg.html, ...(msg.unsubscribeUrl ? { unsubscribeUrl: msg.unsubscribeUrl } : {}) });
  }

  /** The most recent message to `to`, if any. */
  lastTo(to: string): (MailOutboxEntry & { html?: string }) | undefined {
    return this.sent.findLast((entry) => entry.to === to);
  }

  failNext(reason: NotifyFailure = 'unavailable'): void {
    this.failures.push(reason);
  }

  clear(): void {
    this.sent.length = 0;
    this.failures = [];
  }
}
