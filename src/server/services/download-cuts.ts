/**
 * Shares cut downloads between service processes. When a recipient is erased, the process that
 * erased them publishes their record ids on a Redis channel; every process (itself included)
 * listens and cuts the transfers it is streaming for them. Without Redis there is one process,
 * and ActiveDownloads cuts its own transfers.
 *
 * The message holds internal record ids only, never an address or a name, and Redis keeps nothing:
 * a publish reaches whoever listens at that moment. If Redis is down, the erasure itself still
 * happens and this process still cuts its own transfers; other processes finish the ones they
 * are streaming (every new request is refused, since the records are gone).
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Redis } from 'ioredis';
import type { ActiveDownloads } from './active-downloads';

export const ERASED_CHANNEL = 'sealpost:erased-recipients';

function recordIds(message: string): string[] {
  try {
    const parsed: unknown = JSON.parse(message);
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

/** Wires `downloads` to the other processes through `redis`; resolves once this process listens. */
export async function shareDownloadCuts(redis: Redis, downloads: ActiveDownloads, log: FastifyBaseLogger): Promise<{ close: () => void }> {
  // A connection that subscribes can do nothing else, so listening takes a second one. Unlike the
  // rate limiter's, it queues its commands until it is connected, and subscribes again after a
  // reconnect.
  const listener = redis.duplicate({ enableOfflineQueue: true });
  let warned = false;
  listener.on('error', (err: Error) => {
    // Once per outage: ioredis keeps retrying, and each retry would say the same.
    if (!warned) log.warn({ err: { name: err.name } }, 'cannot listen for erasures in other processes');
    warned = true;
  });
  let subscribed = false;
  const subscribe = (): Promise<void> =>
    listener.subscribe(ERASED_CHANNEL).then(
      () => {
        subscribed = true;
      },
      (err: unknown) => {
        log.warn({ err: { name: (err as Error).name } }, 'cannot listen for erasures in other processes');
      },
    );
  listener.on('ready', () => {
    warned = false;
    // ioredis subscribes again after a reconnect, but only to what it once subscribed to.
    if (!subscribed) void subscribe();
  });
  listener.on('message', (channel: string, message: string) => {
    if (channel === ERASED_CHANNEL) downloads.abort(recordIds(message));
  });
  await subscribe();
  downloads.shareCuts((ids) => {
    redis.publish(ERASED_CHANNEL, JSON.stringify(ids)).catch((err: unknown) => {
      log.warn({ err: { name: (err as Error).name } }, 'cannot tell other processes about an erasure');
    });
  });
  return { close: () => listener.disconnect() };
}
