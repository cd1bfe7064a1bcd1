/**
 * The administrator's export of the organisation's audit log, as CSV or JSON, streamed page by
 * page so that a long log never sits in memory. Only the admin's own organisation is exported.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError } from '../../shared/errors';
import { ErrorResponse, IsoTime } from '../../shared/protocol/api';
import { requireAdmin } from '../plugins/auth';
import { audit, auditCsv, auditJson, organisationEvents } from '../services/audit';
import type { ServiceDeps } from '../services/deps';

const AuditQuery = Type.Object(
  {
    format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('json')], { default: 'json' })),
    /** Events at or after this time (inclusive). */
    from: Type.Optional(IsoTime),
    /** Events before this time (exclusive). */
    to: Type.Optional(IsoTime),
  },
  { additionalProperties: false },
);

export function auditRoutes(parent: FastifyInstance, deps: Pick<ServiceDeps, 'db' | 'now'>) {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/audit',
    {
      preHandler: app.authenticate,
      schema: {
        tags: ['audit'],
        security: [{ bearer: [] }],
        summary: "Export the organisation's audit log (ids and event types only) as CSV or JSON",
        querystring: AuditQuery,
        response: {
          200: Type.Unknown({ description: 'text/csv (RFC 4180) or application/json, streamed' }),
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const admin = requireAdmin(request);
      const { format = 'json', from: fromText, to: toText } = request.query;
      const from = fromText ? Date.parse(fromText) : 0;
      const to = toText ? Date.parse(toText) : Number.MAX_SAFE_INTEGER;
      if (!(from < to)) throw new AppError('bad_request', '"from" must be before "to".');
      // Reading the log is itself on the record, before the first byte goes out.
      await audit(deps.db.kysely, deps.now(), { type: 'audit.exported', organisationId: admin.organisationId, senderId: admin.id });
      const events = organisationEvents(deps.db.kysely, { organisationId: admin.organisationId, from, to });
      const stamp = new Date(deps.now()).toISOString().slice(0, 10);
      reply
        .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="sealpost-audit-${stamp}.${format}"`)
        .header('cache-control', 'no-store');
      return reply.send(
        format === 'csv'
          ? auditCsv(events)
          : auditJson(events, { organisationId: admin.organisationId, from: new Date(from).toISOString(), to: toText ? new Date(to).toISOString() : null }),
      );
    },
  );
}
