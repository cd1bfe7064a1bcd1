/** A sender and a recipient as plain HTTP clients, for integration tests, benchmarks and the demo. */
import { request as httpRequest } from 'node:http';
import { sendSecure, type OutgoingAttachment } from '../../src/shared/protocol/sender-client';
import type { RecipientInput, StartVerificationResponse, VerifyResponse } from '../../src/shared/protocol/api';

export function bytesAttachment(name: string, type: string, bytes: Uint8Array): OutgoingAttachment {
  return {
    name,
    type,
    size: bytes.length,
    open: () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes);
          controller.close();
        },
      }),
  };
}

export async function sendSample(baseUrl: string, token: string, recipients: RecipientInput[], attachments: OutgoingAttachment[] = []) {
  return sendSecure(
    { baseUrl, token },
    { subject: 'Uitslag onderzoek', html: '<p>Beste Jan,</p><p>Zie de bijlage.</p>', from: { name: 'Anna de Vries', email: 'anna.devries@zorg.example' }, attachments },
    recipients,
  );
}

export async function post<T = unknown>(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

export async function startVerification(baseUrl: string, id: string, email: string) {
  return post<StartVerificationResponse>(`${baseUrl}/api/r/${id}/verifications`, { email, locale: 'en' });
}

export async function verify(baseUrl: string, id: string, verificationId: string, code: string) {
  return post<VerifyResponse & { code?: string; details?: { triesLeft?: number } }>(
    `${baseUrl}/api/r/${id}/verifications/${verificationId}/verify`,
    { code },
  );
}

export async function fetchPart(baseUrl: string, id: string, index: number, token: string) {
  const res = await fetch(`${baseUrl}/api/r/${id}/parts/${index}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()) };
}

/**
 * Downloads part `index`, and after its first chunk pauses, runs `meanwhile` (an erasure, say),
 * waits `settleMs` more and reads on: how much arrived of how much was announced, and whether the
 * transfer broke off. Rejects with `meanwhile`'s error if it fails.
 */
export function fetchPartWhile(
  baseUrl: string, id: string, index: number, token: string, meanwhile: () => Promise<unknown>, settleMs = 0,
): Promise<{ received: number; expected: number; error: boolean }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${baseUrl}/api/r/${id}/parts/${index}`, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      const expected = Number(res.headers['content-length']);
      let received = 0;
      let paused = false;
      res.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (paused) return;
        paused = true;
        res.pause();
        meanwhile().then(
          () => setTimeout(() => res.resume(), settleMs),
          (err: unknown) => {
            res.destroy();
            reject(err);
          },
        );
      });
      res.on('end', () => resolve({ received, expected, error: false }));
      res.on('error', () => resolve({ received, expected, error: true }));
      res.on('aborted', () => resolve({ received, expected, error: true }));
    });
    req.on('error', () => resolve({ received: -1, expected: 0, error: true }));
    req.end();
  });
}

/** A six-digit code that is certainly not `code`. */
export const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
