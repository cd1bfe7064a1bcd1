/**
 * The baseline of bench/recipient-load.ts: a bare Fastify app (no plugins, no schema, no logger)
 * with one route shaped like the recipient's session route and an answer of the same size.
 * Started as a child process with PORT and HOST, like the service.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });

app.get<{ Params: { id: string } }>('/api/r/:id/session', async () => ({
  sessionExpiresAt: new Date(Date.now() + 30 * 60 * 1000).toISOString(),
  parts: [
    { index: 0, size: 625 },
    { index: 1, size: 65576 },
  ],
}));
app.get('/readyz', async () => ({ status: 'ready' }));

await app.listen({ host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 0) });
