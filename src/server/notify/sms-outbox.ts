/**
 * Development and test stand-ins for an SMS provider: nothing leaves the machine, and the code
 * can be read back from a file (embedded default, end-to-end tests) or from memory (unit tests).
 */
import { appendOutboxLine, readOutbox } from './outbox-file';
import { NotifyError, silentLogger, type NotifyFailure, type NotifyLogger } from './notify-error';
import type { SmsMessage, SmsOutboxEntry, SmsSender } from './sms';

/** Appends `{ at, to, text }` as one JSON line per message to `path`. */
export class FileSmsOutbox implements SmsSender {
  constructor(
    private readonly path: string,
    private readonly logger: NotifyLogger = silentLogger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(msg: SmsMessage): Promise<{ providerId?: string }> {
    const entry: SmsOutboxEntry = { at: this.now().toISOString(), to: msg.to, text: msg.text };
    await appendOutboxLine(this.path, entry);
    this.logger.info({ event: 'sms_sent', provider: 'outbox' }, 'sms written to the development outbox');
    return {};
  }
}

/** Every SMS in the outbox file, oldest first; for tests and the development page. */
export function readSmsOutbox(path: string): Promise<SmsOutboxEntry[]> {
  return readOutbox<SmsOutboxEntry>(path);
}

/** Keeps messages in memory; `failNext` makes the next send fail the way a provider would. */
export class MemorySmsOutbox implements SmsSender {
  readonly sent: SmsOutboxEntry[] = [];
  private failures: NotifyFailure[] = [];

  constructor(private readonly now: () => Date = () => new Date()) {}

  async send(msg: SmsMessage): Promise<{ providerId?: string }> {
    const failure = this.failures.shift();
    if (failure) throw new NotifyError({ channel: 'sms', provider: 'memory', reason: failure });
    this.sent.push({ at: this.now().toISOString(), to: msg.to, text: msg.text });
    return { providerId: `memory-${this.sent.length}` };
  }

  /** The most recent message to `to`, if any. */
  lastTo(to: string): SmsOutboxEntry | undefined {
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
