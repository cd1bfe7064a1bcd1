/** A sender and a recipient as plain HTTP clients, for integration tests, benchmarks and the demo. */
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

/** A six-digit code that is certainly not `code`. */
export const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
