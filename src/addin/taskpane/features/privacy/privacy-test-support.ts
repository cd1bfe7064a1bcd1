/**
 * For the privacy tests: the service's privacy endpoints behind a fake `fetch` (the privacy panel
 * calls the global one, as the pane's other calls do in production), and a watch on downloads.
 */
import type { ErrorCode } from '../../../../shared/errors';
import type { AdminPrivacyRequest, AdminQueueEntry, PersonalData, SenderRecord } from '../../../../shared/protocol/privacy-api';

export interface SeenRequest {
  method: string;
  url: string;
  auth: string | null;
  body: unknown;
}

export const ACCOUNT: SenderRecord = {
  organisation: 'Gemeente Voorbeeld',
  accountId: 'A'.repeat(22),
  signIn: 'azure',
  tenantId: '11111111-1111-1111-1111-111111111111',
  objectId: '22222222-2222-2222-2222-222222222222',
  name: 'Anna de Vries',
  email: 'anna@example.nl',
  outlook: { host: 'Outlook', version: '16.0.18000.20000', platform: 'PC' },
  browser: 'edge',
  device: 'desktop',
  createdAt: '2030-01-02T08:00:00.000Z',
  lastSeenAt: '2030-04-01T09:30:00.000Z',
  messagesSent: 7,
};

export function personalData(overrides: Partial<PersonalData> = {}): PersonalData {
  return {
    format: 'sealpost-personal-data/1',
    generatedAt: '2030-04-02T10:00:00.000Z',
    email: 'anna@example.nl',
    productEmailsOff: false,
    asRecipient: [
      {
        organisation: 'Advocatenkantoor Jansen',
        sender: { name: 'Bob Jansen', email: 'bob@jansen.example' },
        messageId: 'M'.repeat(22),
        messageStatus: 'sealed',
        sentAt: '2030-03-30T12:00:00.000Z',
        expiresAt: '2030-04-30T12:00:00.000Z',
        recipientId: 'R'.repeat(22),
        name: 'Anna de Vries',
        email: 'anna@example.nl',
        method: 'sms',
        phone: '+31612345678',
        codeSentAt: '2030-03-30T12:05:00.000Z',
        verifiedAt: '2030-03-30T12:06:00.000Z',
        openedAt: '2030-03-30T12:06:30.000Z',
        downloadedAt: null,
        failedAttempts: 0,
        lockedAt: null,
        browser: 'firefox',
        device: 'desktop',
      },
    ],
    asSender: [ACCOUNT],
    requests: [],
    auditEvents: [],
    ...overrides,
  };
}

export function queueEntry(overrides: Partial<AdminQueueEntry> = {}): AdminQueueEntry {
  return {
    id: 'Q'.repeat(22),
    type: 'rectify',
    subjectKind: 'recipient',
    source: 'self',
    status: 'open',
    createdAt: '2030-04-01T08:00:00.000Z',
    dueAt: '2030-04-03T08:00:00.000Z',
    handledAt: null,
    overdue: false,
    email: 'carol@example.com',
    requestedChange: { phone: '+31687654321' },
    ...overrides,
  };
}

export interface FakeServiceOptions {
  data?: PersonalData;
  /** Null: the signed-in sender is no administrator (the queue answers 403 forbidden). */
  queue?: AdminQueueEntry[] | null;
  /** `METHOD path` (without the query) → the error code to answer with, once per entry in the list (null: answer normally). */
  errors?: Record<string, Array<ErrorCode | null>>;
}

const STATUS: Partial<Record<ErrorCode, number>> = { forbidden: 403, not_found: 404, conflict: 409, unavailable: 503, unauthenticated: 401, bad_request: 400 };

/** The privacy endpoints of the service, in memory; records every request. */
export function fakePrivacyService(options: FakeServiceOptions = {}) {
  const requests: SeenRequest[] = [];
  let data = options.data ?? personalData();
  let queue = options.queue === undefined ? [] : options.queue;
  const errors = Object.fromEntries(Object.entries(options.errors ?? {}).map(([k, v]) => [k, [...v]]));
  const exported = () => JSON.stringify(data, null, 2);

  const fetch = async (input: string, init: RequestInit = {}): Promise<Response> => {
    const method = init.method ?? 'GET';
    const headers = new Headers(init.headers);
    const body: unknown = init.body ? JSON.parse(String(init.body)) : undefined;
    requests.push({ method, url: input, auth: headers.get('authorization'), body });
    const path = input.split('?')[0]!;
    const failure = errors[`${method} ${path}`]?.shift();
    if (failure) return Response.json({ code: failure, message: `fake ${failure}` }, { status: STATUS[failure] ?? 500 });

    if (path.startsWith('/api/admin/') && queue === null) {
      return Response.json({ code: 'forbidden', message: 'Only an administrator of the organisation may do this.' }, { status: 403 });
    }
    const closing = /^\/api\/admin\/privacy-requests\/([^/]+)\/(complete|reject)$/.exec(path);
    switch (true) {
      case method === 'GET' && path === '/api/me/privacy':
        return Response.json(data);
      case method === 'GET' && path === '/api/me/privacy/export':
        return new Response(exported(), {
          headers: { 'content-type': 'application/json', 'content-disposition': 'attachment; filename="sealpost-personal-data-2030-04-02.json"' },
        });
      case method === 'PUT' && path === '/api/me/privacy/objection': {
        const { productEmailsOff } = body as { productEmailsOff: boolean };
        data = { ...data, productEmailsOff };
        return Response.json({ productEmailsOff });
      }
      case method === 'DELETE' && path === '/api/me/privacy':
        return Response.json({ erasedRecords: 1 });
      case method === 'GET' && path === '/api/admin/privacy-requests': {
        const all = new URL(input, 'https://sealpost.example').searchParams.get('status') === 'all';
        return Response.json({ requests: (queue ?? []).filter((q) => all || q.status === 'open') });
      }
      case method === 'POST' && path === '/api/admin/privacy-requests': {
        const request = body as AdminPrivacyRequest;
        const entry = queueEntry({
          id: 'N'.repeat(22),
          type: request.type,
          subjectKind: request.subjectKind,
          source: 'admin',
          status: 'completed',
          handledAt: '2030-04-02T10:00:00.000Z',
          email: null,
          requestedChange: null,
        });
        queue = [...(queue ?? []), entry];
        return Response.json({
          request: entry,
          ...(request.type === 'access' ? { data: personalData({ email: request.email, asSender: [] }) } : {}),
          ...(request.type === 'erase' ? { erasedRecords: 2 } : {}),
        });
      }
      case method === 'POST' && closing !== null: {
        const [, id, action] = closing!;
        const open = (queue ?? []).find((q) => q.id === id);
        if (!open) return Response.json({ code: 'not_found', message: 'No such request.' }, { status: 404 });
        const closed = { ...open, status: action === 'complete' ? 'completed' : 'rejected', overdue: false, email: null, requestedChange: null, handledAt: '2030-04-02T10:00:00.000Z' } as const;
        queue = (queue ?? []).map((q) => (q.id === id ? closed : q));
        return Response.json(closed);
      }
      default:
        return Response.json({ code: 'not_found', message: 'Not found.' }, { status: 404 });
    }
  };

  return {
    fetch,
    requests,
    exported,
    /** The requests with this method and path (query included), in order. */
    sent: (method: string, url: string) => requests.filter((r) => r.method === method && r.url === url),
  };
}

const originalFetch = globalThis.fetch;

/** Puts the fake in place of the global `fetch` until `restoreGlobals()`. */
export function installFetch(service: ReturnType<typeof fakePrivacyService>) {
  globalThis.fetch = service.fetch as typeof globalThis.fetch;
  return service;
}

const watching: Array<() => void> = [];

/** Undoes `installFetch` and every `watchDownloads`: for `afterEach`. */
export function restoreGlobals() {
  globalThis.fetch = originalFetch;
  watching.splice(0).forEach((restore) => restore());
}

/** Object URLs and link clicks, so a test sees what was saved under which name; until `restoreGlobals()`. */
export function watchDownloads() {
  const created: Blob[] = [];
  const revoked: string[] = [];
  const clicked: Array<{ download: string; href: string }> = [];
  const saved = { createObjectURL: URL.createObjectURL, revokeObjectURL: URL.revokeObjectURL, click: HTMLAnchorElement.prototype.click };
  URL.createObjectURL = (blob: Blob) => {
    created.push(blob);
    return `blob:https://sealpost.example/${created.length}`;
  };
  URL.revokeObjectURL = (url: string) => void revoked.push(url);
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    clicked.push({ download: this.download, href: this.href });
  };
  watching.push(() => {
    URL.createObjectURL = saved.createObjectURL;
    URL.revokeObjectURL = saved.revokeObjectURL;
    HTMLAnchorElement.prototype.click = saved.click;
  });
  return { created, revoked, clicked };
}
