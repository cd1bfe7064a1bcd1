/**
 * The organisation's settings (read by the add-in at sign-in, changed by an admin), the safe
 * default for callers without a token, and the policy page's "test this policy on this text".
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { decide, scanText } from '../../shared/detect';
import { ScanRequestSchema, ScanResponseSchema } from '../../shared/detect/schema';
import { ErrorResponse, OrganisationSettings } from '../../shared/protocol/api';
import { requireAdmin, requireSender } from '../plugins/auth';
import { defaultSettings, type OrganisationSettingsService } from '../services/organisation-settings';

const security = [{ bearer: [] }];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };

export function policyRoutes(parent: FastifyInstance, settings: OrganisationSettingsService) {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['policy'];

  app.get(
    '/api/policy',
    { preHandler: app.authenticate, schema: { tags, security, response: { 200: OrganisationSettings, ...errors } } },
    async (request) => settings.get(requireSender(request).organisationId),
  );

  app.put(
    '/api/policy',
    { preHandler: app.authenticate, schema: { tags, security, body: OrganisationSettings, response: { 200: OrganisationSettings, ...errors } } },
    async (request) => settings.set(requireAdmin(request).organisationId, request.body),
  );

  // The on-send handler may run before anyone signed in on this device: it gets the safe default.
  // Public and secret-free, so any origin may read it (the classic-Windows runtime's origin varies).
  app.get('/api/policy/default', { schema: { tags, response: { 200: OrganisationSettings } } }, async (_request, reply) =>
    reply.header('Access-Control-Allow-Origin', '*').send(defaultSettings()),
  );

  app.post(
    '/api/scan',
    {
      preHandler: app.authenticate,
      bodyLimit: 2 * 1024 * 1024,
      schema: { tags, security, summary: 'Test a policy on a text; findings carry masked previews only', body: ScanRequestSchema, response: { 200: ScanResponseSchema, ...errors } },
    },
    async (request) => {
      const sender = requireSender(request);
      const policy = request.body.policy ?? (await settings.get(sender.organisationId)).policy;
      const findings = scanText(request.body.text, policy, { html: request.body.html ?? false });
      return { findings, decision: decide({ findings }, policy, { locale: request.body.locale ?? 'en' }) };
    },
  );
}
