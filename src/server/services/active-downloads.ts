/**
 * The downloads this process is streaming, per recipient, so that erasing a recipient's data
 * also cuts their transfers in flight. A cut transfer is never half-readable: the envelope's last
 * record carries the final flag, so a truncated part fails to decrypt as a whole.
 */
import type { Readable } from 'node:stream';

export class ActiveDownloads {
  private readonly byRecipient = new Map<string, Set<Readable>>();

  track(recipientId: string, stream: Readable): void {
    let streams = this.byRecipient.get(recipientId);
    if (!streams) this.byRecipient.set(recipientId, (streams = new Set()));
    streams.add(stream);
    stream.once('close', () => {
      streams.delete(stream);
      if (!streams.size && this.byRecipient.get(recipientId) === streams) this.byRecipient.delete(recipientId);
    });
  }

  /** Destroys every stream of these recipients; returns how many were cut. */
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
