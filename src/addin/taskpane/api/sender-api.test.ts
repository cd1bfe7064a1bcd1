import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createSenderApi } from './sender-api';

const ID = 'MMMMMMMMMMMMMMMMMMMMMA';

type Behaviour = (xhr: FakeXhr) => void;

/** Plays XMLHttpRequest: records the request, then behaves as the test says. */
class FakeXhr {
  static sent: FakeXhr[] = [];
  static behaviour: Behaviour;
  upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  status = 0;
  responseText = '';
  method = '';
  url = '';
  size = 0;
  headers: Record<string, string> = {};
  open(method: string, url: string) {
    Object.assign(this, { method, url });
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: Blob) {
    this.size = body.size;
    FakeXhr.sent.push(this);
    queueMicrotask(() => FakeXhr.behaviour(this));
  }
  abort() {
    this.onabort?.();
  }
}

function service() {
  const requests: Array<{ url: string; method: string; auth: string | null; body: unknown }> = [];
  const fetch = async (url: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    requests.push({ url, method: init.method ?? 'GET', auth: headers.get('authorization'), body: init.body ? JSON.parse(String(init.body)) : undefined });
    if (url.endsWith('/api/messages') && init.method === 'POST') {
      return Response.json({ id: ID, serverShare: 'A'.repeat(43), expiresAt: '2030-05-01T12:00:00.000Z', recipients: [] }, { status: 201 });
    }
    if (url.endsWith('/finalise')) return Response.json({ id: ID, status: 'sealed' });
    return new Response(null, { status: 204 });
  };
  return { requests, fetch };
}

const message = (bytes = new Uint8Array(200_000).fill(1)) => ({
  subject: 'Dossier',
  html: '<p>secret</p>',
  attachments: [{ name: 'a.bin', type: 'application/octet-stream', size: bytes.length, open: () => new Blob([bytes]).stream() }],
});
const recipients = [{ name: 'Bob', email: 'bob@example.com', method: 'sms' as const, phone: '+31612345678' }];

/** Half the bytes, then 204 No Content. */
const accept: Behaviour = (xhr) => {
  xhr.upload.onprogress?.({ loaded: Math.floor(xhr.size / 2) } as ProgressEvent);
  xhr.status = 204;
  xhr.onload?.();
};

beforeEach(() => {
  FakeXhr.sent = [];
  FakeXhr.behaviour = accept;
});

describe('the service API', () => {
  it('encrypts every part into a blob and uploads it with XHR, reporting progress to the end', async () => {
    const { fetch, requests } = service();
    const api = createSenderApi({ origin: 'https://sealpost.example', fetch, createXhr: () => new FakeXhr() as unknown as XMLHttpRequest });
    const progress: Array<number | null> = [];
    const result = await api.send('tok', message(), recipients, { locale: 'nl', signal: new AbortController().signal, onProgress: (f) => progress.push(f) });
    assert.ok(result.ok);
    assert.match(result.data.link, new RegExp(`^https://sealpost\\.example/m/${ID}#[A-Za-z0-9_-]{43}$`));
    assert.deepEqual(FakeXhr.sent.map((x) => [x.method, x.url.replace('https://sealpost.example', '')]), [
      ['PUT', `/api/messages/${ID}/parts/0`],
      ['PUT', `/api/messages/${ID}/parts/1`],
    ]);
    assert.deepEqual(FakeXhr.sent[1]!.headers, { authorization: 'Bearer tok', 'content-type': 'application/octet-stream' });
    assert.ok(FakeXhr.sent[1]!.size > 200_000, 'ciphertext, with record tags');
    const created = requests[0]!;
    assert.equal(created.auth, 'Bearer tok');
    assert.deepEqual((created.body as { recipients: unknown }).recipients, recipients);
    assert.equal((created.body as { locale: string }).locale, 'nl');
    const numbers = progress.filter((p): p is number => p !== null);
    assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b), 'progress never goes back');
    assert.equal(numbers.at(-1), 1);
  });

  it('aborts the upload on cancel', async () => {
    const controller = new AbortController();
    FakeXhr.behaviour = () => controller.abort();
    const api = createSenderApi({ origin: 'https://sealpost.example', fetch: service().fetch, createXhr: () => new FakeXhr() as unknown as XMLHttpRequest });
    const result = await api.send('tok', message(), recipients, { locale: 'en', signal: controller.signal, onProgress: () => undefined });
    assert.equal(result.ok, false);
    assert.equal(FakeXhr.sent.length, 1, 'nothing after the cancelled part');
  });

  it('passes on the service’s error code for a refused part', async () => {
    FakeXhr.behaviour = (xhr) => {
      xhr.status = 413;
      xhr.responseText = JSON.stringify({ code: 'payload_too_large', message: 'too big' });
      xhr.onload?.();
    };
    const api = createSenderApi({ origin: 'https://sealpost.example', fetch: service().fetch, createXhr: () => new FakeXhr() as unknown as XMLHttpRequest });
    const result = await api.send('tok', message(), recipients, { locale: 'en', signal: new AbortController().signal, onProgress: () => undefined });
    assert.deepEqual(result.ok ? null : result.error.code, 'payload_too_large');
  });

  it('sends the client words with PUT and the token, and turns a network failure into a result', async () => {
    const { fetch, requests } = service();
    const api = createSenderApi({ origin: 'https://sealpost.example', fetch });
    assert.ok((await api.putClient('tok', { browser: 'edge', device: 'desktop' })).ok);
    assert.deepEqual(requests[0], { url: '/api/me/client', method: 'PUT', auth: 'Bearer tok', body: { browser: 'edge', device: 'desktop' } });
    const offline = createSenderApi({ origin: 'x', fetch: () => Promise.reject(new TypeError('offline')) });
    assert.deepEqual(await offline.listMessages('tok'), { ok: false, error: { code: 'unavailable', message: 'The service could not be reached.' } });
  });
});
