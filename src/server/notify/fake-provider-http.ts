/**
 * A loopback HTTP server for the provider fakes: records each request, lets the fake answer,
 * and shuts down cleanly even when a test left a request hanging on purpose.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** How the fake answers a request that passes its checks. */
export type FakeMode = 'success' | 'rejected_recipient' | 'rate_limited' | 'server_error' | 'html_error' | 'hang';

export interface FakeServer {
  /** Base URL to give the sender as `baseUrl`. */
  baseUrl: string;
  received: ReceivedRequest[];
  /** Every way a request differed from the provider's documentation; a test expects none. */
  violations: string[];
  mode: FakeMode;
  close(): Promise<void>;
}

export type FakeHandler = (request: ReceivedRequest, reply: Reply, fake: FakeServer) => void;

export interface Reply {
  json(status: number, body: unknown): void;
  raw(status: number, contentType: string, body: string): void;
}

export async function startFakeServer(handle: FakeHandler): Promise<FakeServer> {
  const fake: FakeServer = { baseUrl: '', received: [], violations: [], mode: 'success', close: async () => {} };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: ReceivedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      fake.received.push(request);
      if (fake.mode === 'hang') return;
      handle(request, replyTo(res), fake);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  fake.baseUrl = `http://127.0.0.1:${port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}

function replyTo(res: ServerResponse): Reply {
  return {
    json(status, body) {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
    },
    raw(status, contentType, body) {
      res.writeHead(status, { 'content-type': contentType }).end(body);
    },
  };
}

/** The media type of a Content-Type header, without parameters, lower-cased. */
export function mediaType(headers: IncomingHttpHeaders): string {
  return (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Random lower-case hex, for provider ids that look like the real ones. */
export function hexId(bytes: number): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(bytes))).toString('hex');
}
