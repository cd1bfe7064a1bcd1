import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config';
import type { Db } from '../stores/db';
import type { BlobStore } from '../stores/blob-store';
import type { Notifiers } from '../notify';

/** What the services need; passed in so tests can give a clock, a store or an outbox of their own. */
export interface ServiceDeps {
  config: Config;
  db: Db;
  blobs: BlobStore;
  notifiers: Notifiers;
  log: FastifyBaseLogger;
  now: () => number;
}
