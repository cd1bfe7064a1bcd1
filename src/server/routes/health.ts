import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../stores/db';

export function healthRoutes(app: FastifyInstance, db: Db) {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(db.kysely);
      return { status: 'ready' };
    } catch {
      return reply.status(503).send({ code: 'unavailable', message: 'The database is not reachable.' });
    }
  });
}
