/**
 * The downloads this process is streaming, per recipient, so that erasing a recipient's data
 * also cuts their transfers in flight. A cut transfer is never half-readable: the envelope's last
 * record carries the final flag, so a truncated part fails to decrypt as a whole.
 *
 * Behind a load balancer the transfer may run in another process than the erasure: `cut` also
 * tells the other processes, through whatever `shareCuts` was given (Redis publish and subscribe,
 * see app.ts), and each of them calls `abort` for what it hears.
 */
import type { Readable } from 'node:stream';

export class ActiveDownloads {
  private readonly byRecipient = new Map<string, Set<Readable>>();
  private tellOthers: ((recipientIds: string[]) => void) | null = null;

  /** How to tell the other processes which recipients were cut. */
  shareCuts(tell: (recipientIds: string[]) => void): void {
    this.tellOthers = tell;
  }

  /** Cuts these recipients' transfers here and in every other process; returns how many were cut here. */
  cut(recipientIds: string[]): number {
    const here = this.abort(recipientIds);
    if (recipientIds.length && this.tellOthers) this.tellOthers(recipientIds);
    return here;
  }

  track(recipientId: string, stream: Readable): void {
    let streams = this.byRecipient.get(recipientId);
    if (!streams) this.byRecipient.set(recipientId, (streams = new Set()));
    streams.add(stream);
    stream.once('close', () => {
      streams.delete(stream);
      if (!streams.size && this.byRecipient.get(recipientId) === streams) this.byRecipient.delete(recipientId);
    });
  }

  /** Destroys every stream of these recipients in this process; returns how many were cut. */
  abort(recipientIds: Iterable<string>): number {
    let cut = 0;
    for (const id of recipientIds) {
      for (const stream of this.byRecipient.get(id) ?? []) {
        stream.destroy(new Error('The recipient was erased during the download.'));
        cut++;
      }
      this.byRecipient.delete(id);
    }
    return cut;
  }
}
