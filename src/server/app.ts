/**
 * Builds the service in three layers, as Fastify's reference app does: external plugins, then
 * app services, then routes. `buildApp` is what main.ts and every integration test call.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import fastifyRateLimit from '@fastify/rate-limit';
import { Redis } from 'ioredis';
import type { Config } from './config';
import { openDb, type Db } from './stores/db';
import type { BlobStore } from './stores/blob-store';
import { FileBlobStore } from './stores/file-blob-store';
import { PgBlobStore } from './stores/pg-blob-store';
import { createNotifiers, type Notifiers } from './notify';
import { DevIdentityProvider } from './auth/dev-identity';
import type { TokenVerifier } from './auth/identity';
import { AzureIdentityVerifier } from './auth/azure-identity';
import { loggerOptions } from './plugins/logger';
import { registerErrorHandling } from './plugins/errors';
import { registerSecurityHeaders } from './plugins/security-headers';
import { registerAuth } from './plugins/auth';
import { rateLimitKeyGenerator } from './plugins/rate-limit-key';
import { AppError } from '../shared/errors';
import { SenderService } from './services/senders';
import { MessageService } from './services/messages';
import { RecipientAccessService } from './services/recipient-access';
import type { ServiceDeps } from './services/deps';
import { healthRoutes } from './routes/health';
import { senderRoutes } from './routes/sender';
import { recipientRoutes } from './routes/recipient';
import { webRoutes } from './routes/web';
import { policyRoutes } from './routes/policy';
import { privacyRoutes } from './routes/privacy';
import { auditRoutes } from './routes/audit';
import { startRetentionScheduler } from './jobs/scheduler';
import { addinRoutes } from './routes/addin';
import { OrganisationSettingsService } from './services/organisation-settings';
import { ActiveDownloads } from './services/active-downloads';
import { shareDownloadCuts } from './services/download-cuts';
import { PrivacyChallenges } from './services/privacy/challenges';
import { ProductMail } from './services/privacy/product-mail';
import { PrivacyRequests } from './services/privacy/requests';
import { privacyRequestRoutes } from './routes/privacy-requests';
import { ASSETS_DIR } from './paths';


export interface BuildOptions {
  /** Replace the notifiers (tests use in-memory outboxes). */
  notifiers?: Notifiers;
  /** Replace the clock (tests of expiry and code lifetimes). */
  now?: () => number;
  /** Where log lines go (tests capture them). */
  logStream?: NodeJS.WritableStream;
  /** Extra token verifiers (Azure AD). */
  verifiers?: TokenVerifier[];
  /** Run the retention purge on its schedule (default on); tests that move the clock may turn it off. */
  retention?: boolean;
}

export interface App {
  app: FastifyInstance;
  db: Db;
  deps: ServiceDeps;
  close(): Promise<void>;
}

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    logger: loggerOptions(config.logLevel, options.logStream),
    bodyLimit: config.limits.jsonBodyBytes,
    trustProxy: config.trustProxy,
    // Ids in paths are case-sensitive base64url; never fold or decode them differently.
    routerOptions: { caseSensitive: true, ignoreTrailingSlash: false },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  });

  // Layer 1: external plugins.
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false }) : null;
  await app.register(fastifyRateLimit, {
    global: true,
    max: config.limits.requestsPerMinute,
    timeWindow: '1 minute',
    // Client addresses are counted under a keyed hash, in memory or in Redis for one window;
    // the address itself is never stored anywhere.
    keyGenerator: rateLimitKeyGenerator(config.codeKey),
    ...(redis ? { redis, nameSpace: 'sealpost-rl:' } : {}),
    skipOnError: true,
    errorResponseBuilder: (_request, context) =>
      new AppError('rate_limited', `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} seconds.`),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Sealpost API', version: '1', description: 'Secure sending: the service stores ciphertext and minimal metadata.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    },
  });
  registerErrorHandling(app);
  registerSecurityHeaders(app);
  // The API speaks JSON and raw bytes only; plain text bodies get a 415, not a schema error.
  app.removeContentTypeParser('text/plain');
  // Action routes (finalise, revoke) take no body; an empty JSON body is simply no body.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') return done(null, undefined);
    parseJson(request, body as string, done);
  });

  // Layer 2: app services.
  const db = await openDb(config.database);
  const blobs: BlobStore = config.blobs.kind === 'files' ? new FileBlobStore(config.blobs.dir) : new PgBlobStore(db.kysely);
  const deps: ServiceDeps = {
    config,
    db,
    blobs,
    notifiers: options.notifiers ?? createNotifiers(config.notify, app.log),
    log: app.log,
    now: options.now ?? Date.now,
  };
  const senders = new SenderService(deps);
  const messages = new MessageService(deps);
  const downloads = new ActiveDownloads();
  // Behind a load balancer, an erasure must also cut transfers that other processes stream.
  const cuts = redis ? await shareDownloadCuts(redis, downloads, app.log) : null;
  const productMail = new ProductMail(deps);
  const access = new RecipientAccessService(deps, {
    downloads,
    // Off the request path: a slow mail server must not slow the recipient down.
    onFirstOpen: (messageId) => {
      productMail.messageOpened(messageId).catch((err: unknown) => app.log.error({ err: { name: (err as Error)?.name }, messageId }, 'opened notice failed'));
    },
  });
  const settings = new OrganisationSettingsService(deps);
  const devIdentity = config.devSignIn ? new DevIdentityProvider(config.codeKey, config.publicUrl) : null;
  const azure = config.azure
    ? new AzureIdentityVerifier({
        clientId: config.azure.clientId,
        allowedTenants: config.azure.allowedTenants,
        authorityBaseUrl: config.azure.authority,
        log: app.log,
      })
    : null;
  const privacyChallenges = new PrivacyChallenges(deps);
  const privacyRequests = new PrivacyRequests(deps, { challenges: privacyChallenges, productMail, senders, downloads });
  registerAuth(app, [...(devIdentity ? [devIdentity] : []), ...(azure ? [azure] : []), ...(options.verifiers ?? [])], senders);

  // Layer 3: routes.
  healthRoutes(app, db);
  senderRoutes(app, { messages, senders, devIdentity, maxPartBytes: config.limits.maxPartBytes });
  recipientRoutes(app, access, { max: config.limits.verifyPerMinute, timeWindow: '1 minute' });
  policyRoutes(app, settings);
  privacyRoutes(app, config.privacy);
  privacyRequestRoutes(app, {
    challenges: privacyChallenges,
    requests: privacyRequests,
    productMail,
    rateLimit: { max: config.limits.verifyPerMinute, timeWindow: '1 minute' },
  });
  auditRoutes(app, deps);
  await addinRoutes(app, config, ASSETS_DIR);
  await webRoutes(app, { webDir: config.webDir, notify: config.notify, devOutboxPage: config.devOutboxPage });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.ready();
  const retention = options.retention === false ? null : startRetentionScheduler(deps);
  return {
    app,
    db,
    deps,
    async close() {
      await retention?.stop();
      await app.close();
      await db.close();
      cuts?.close();
      if (redis) redis.disconnect();
    },
  };
}
