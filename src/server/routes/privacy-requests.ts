/**
 * Data-subject requests over HTTP: anyone who proves an e-mail address (the portal's "Your data"
 * page), a signed-in sender for their own account, and an organisation's administrators.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorResponse, Id } from '../../shared/protocol/api';
import {
  AdminPrivacyRequest,
  AdminPrivacyResponse,
  AdminQueue,
  AdminQueueEntry,
  EraseResponse,
  ObjectionRequest,
  ObjectionResponse,
  PersonalData,
  PrivacyChallengeRequest,
  PrivacyChallengeResponse,
  PrivacySession,
  PrivacyVerifyRequest,
  RectifyRequest,
  RectifyResponse,
  personalDataFileName,
} from '../../shared/protocol/privacy-api';
import { bearerToken, requireAdmin, requireSender } from '../plugins/auth';
import type { PrivacyChallenges } from '../services/privacy/challenges';
import type { PrivacyRequests } from '../services/privacy/requests';
import type { ProductMail } from '../services/privacy/product-mail';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 429: ErrorResponse };
const security = [{ bearer: [] }];

function exportReply(reply: FastifyReply, data: PersonalData) {
  return reply
    .header('Content-Disposition', `attachment; filename="${personalDataFileName(data.generatedAt)}"`)
    .send(data);
}

export function privacyRequestRoutes(
  parent: FastifyInstance,
  deps: { challenges: PrivacyChallenges; requests: PrivacyRequests; productMail: ProductMail; rateLimit: object },
) {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { challenges, requests, productMail } = deps;
  /** The address the request's privacy session proved. */
  const proven = (request: FastifyRequest) => challenges.address(bearerToken(request));

  // ------------------------------------------------------------ anyone, after proving an address
  {
    const tags = ['privacy'];
    app.post(
      '/api/privacy/challenges',
      {
        config: { rateLimit: deps.rateLimit },
        schema: {
          tags,
          summary: 'Send a code to an address (the same answer for every address)',
          body: PrivacyChallengeRequest,
          response: { 202: PrivacyChallengeResponse, ...errors },
        },
      },
      async (request, reply) => reply.status(202).send(await challenges.start(request.body.email, request.body.locale ?? 'nl')),
    );

    app.post(
      '/api/privacy/challenges/:id/verify',
      {
        config: { rateLimit: deps.rateLimit },
        schema: { tags, params: Type.Object({ id: Id }), body: PrivacyVerifyRequest, response: { 200: PrivacySession, ...errors } },
      },
      async (request) => challenges.verify(request.params.id, request.body.code),
    );

    app.get(
      '/api/privacy/me',
      { schema: { tags, security, summary: 'Everything held about the proven address', response: { 200: PersonalData, ...errors } } },
      async (request) => requests.report(await proven(request)),
    );

    app.get(
      '/api/privacy/me/export',
      { schema: { tags, security, summary: 'The same, as a JSON file to keep or take elsewhere', response: { 200: PersonalData, ...errors } } },
      async (request, reply) => exportReply(reply, await requests.export(await proven(request))),
    );

    app.patch(
      '/api/privacy/me',
      { schema: { tags, security, summary: 'Correct the name (at once) or the mobile number (queued for the sender)', body: RectifyRequest, response: { 200: RectifyResponse, ...errors } } },
      async (request) => requests.rectifyRecipient(await proven(request), request.body),
    );

    app.delete(
      '/api/privacy/me',
      { schema: { tags, security, summary: 'Erase the recipient data of the proven address', response: { 200: EraseResponse, ...errors } } },
      async (request) => requests.eraseRecipient(await proven(request)),
    );

    app.put(
      '/api/privacy/me/objection',
      { schema: { tags, security, summary: 'Switch product e-mails off or on', body: ObjectionRequest, response: { 200: ObjectionResponse, ...errors } } },
      async (request) => {
        await requests.object(await proven(request), request.body.productEmailsOff);
        return { productEmailsOff: request.body.productEmailsOff };
      },
    );

    app.delete(
      '/api/privacy/session',
      { schema: { tags, security, response: { 204: Type.Null(), ...errors } } },
      async (request, reply) => {
        await challenges.end(bearerToken(request));
        return reply.status(204).send(null);
      },
    );

    // One-click unsubscribe (RFC 8058): mail clients POST `List-Unsubscribe=One-Click` as a form.
    // A GET only shows a button: link scanners fetch links, and must not unsubscribe anyone.
    const TokenParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{43}\\.[A-Za-z0-9_-]{22}$' }) });
    void app.register(async (scope) => {
      scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_request, body, done) => done(null, body));
      scope.withTypeProvider<TypeBoxTypeProvider>().post(
        '/api/privacy/unsubscribe/:token',
        { schema: { tags, summary: 'One-click unsubscribe from product e-mails', params: TokenParams, response: { 200: Type.String(), 204: Type.Null(), ...errors } } },
        async (request, reply) => {
          await productMail.unsubscribe(request.params.token);
          if (request.headers.accept?.includes('text/html')) return sendPage(reply, 'done');
          return reply.status(204).send(null);
        },
      );
    });
    app.get(
      '/api/privacy/unsubscribe/:token',
      { schema: { hide: true, params: TokenParams } },
      async (_request, reply) => sendPage(reply, 'ask'),
    );
  }

  // ------------------------------------------------------------ a signed-in sender, own account
  {
    const tags = ['sender'];
    app.get(
      '/api/me/privacy',
      { preHandler: app.authenticate, schema: { tags, security, summary: 'Everything held about you', response: { 200: PersonalData, ...errors } } },
      async (request) => requests.report(requireSender(request).email),
    );
    app.get(
      '/api/me/privacy/export',
      { preHandler: app.authenticate, schema: { tags, security, response: { 200: PersonalData, ...errors } } },
      async (request, reply) => exportReply(reply, await requests.export(requireSender(request).email, { source: 'self' }, {}, 'sender')),
    );
    app.delete(
      '/api/me/privacy',
      { preHandler: app.authenticate, schema: { tags, security, summary: 'Erase your account data (signing in again starts a new account)', response: { 200: EraseResponse, ...errors } } },
      async (request) => requests.eraseSenders([requireSender(request).id], { source: 'self' }),
    );
    app.put(
      '/api/me/privacy/objection',
      { preHandler: app.authenticate, schema: { tags, security, body: ObjectionRequest, response: { 200: ObjectionResponse, ...errors } } },
      async (request) => {
        await requests.object(requireSender(request).email, request.body.productEmailsOff, { source: 'self' }, {}, 'sender');
        return { productEmailsOff: request.body.productEmailsOff };
      },
    );
  }

  // ------------------------------------------------------------ administrators
  {
    const tags = ['admin'];
    app.get(
      '/api/admin/privacy-requests',
      {
        preHandler: app.authenticate,
        schema: {
          tags,
          security,
          summary: "The organisation's data-subject requests, by deadline",
          querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('all')])) }, { additionalProperties: false }),
          response: { 200: AdminQueue, ...errors },
        },
      },
      async (request) => ({ requests: await requests.queue(requireAdmin(request), request.query.status ?? 'open') }),
    );
    app.post(
      '/api/admin/privacy-requests',
      {
        preHandler: app.authenticate,
        schema: { tags, security, summary: 'Run a request for a person, within the organisation', body: AdminPrivacyRequest, response: { 200: AdminPrivacyResponse, ...errors } },
      },
      async (request) => requests.run(requireAdmin(request), request.body),
    );
    const Params = Type.Object({ id: Id });
    app.post(
      '/api/admin/privacy-requests/:id/complete',
      { preHandler: app.authenticate, schema: { tags, security, summary: 'Apply a queued correction', params: Params, response: { 200: AdminQueueEntry, ...errors } } },
      async (request) => requests.complete(requireAdmin(request), request.params.id),
    );
    app.post(
      '/api/admin/privacy-requests/:id/reject',
      { preHandler: app.authenticate, schema: { tags, security, params: Params, response: { 200: AdminQueueEntry, ...errors } } },
      async (request) => requests.reject(requireAdmin(request), request.params.id),
    );
  }
}

const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

function sendPage(reply: FastifyReply, state: 'ask' | 'done') {
  return reply.type('text/html; charset=utf-8').header('Content-Security-Policy', PAGE_CSP).send(page(state));
}

function page(state: 'ask' | 'done'): string {
  const body =
    state === 'ask'
      ? `<p lang="nl">Wilt u geen meldingen van Sealpost meer ontvangen, zoals "uw bericht is geopend"? Codes blijven komen: die zijn nodig om berichten te lezen.</p>
<p lang="en">No longer want notices from Sealpost, such as "your message was opened"? Codes keep coming: they are needed to read messages.</p>
<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Uitzetten / Switch off</button></form>`
      : `<p lang="nl">Meldingen van Sealpost staan uit voor dit adres.</p><p lang="en">Notices from Sealpost are off for this address.</p>`;
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Sealpost</title>
<style>body{font-family:Segoe UI,Arial,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5}</style></head><body><h1>Sealpost</h1>${body}</body></html>`;
}
