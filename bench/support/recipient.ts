/** The sender's sign-in and the recipient's verification with the SMS code from the dev outbox. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { VerifyResponse } from '../../src/shared/protocol/api';
import type { Sealpost } from './processes';

export const RECIPIENT = { name: 'Bench Recipient', email: 'recipient@bench.example', method: 'sms' as const, phone: '+31612345678' };

export async function signIn(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/dev/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'sender@bench.example', name: 'Bench Sender', organisation: 'Sealpost bench' }),
  });
  if (!res.ok) throw new Error(`sign-in failed: HTTP ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`POST ${new URL(url).pathname}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The newest code the development SMS outbox holds for `to`, waiting for the asynchronous delivery. */
async function smsCode(dataDir: string, to: string, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const text = await readFile(join(dataDir, 'outbox', 'sms.jsonl'), 'utf8').catch(() => '');
    const lines = text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { to: string; text: string });
    const match = /\b(\d{6})\b/.exec(lines.filter((e) => e.to === to).at(-1)?.text ?? '');
    if (match) return match[1]!;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no SMS code arrived within ${timeoutMs} ms`);
}

/** Verifies RECIPIENT on message `id` with the SMS code and returns the session and the server share. */
export async function verifyRecipient(server: Sealpost, id: string): Promise<VerifyResponse> {
  const { verificationId } = await postJson<{ verificationId: string }>(`${server.baseUrl}/api/r/${id}/verifications`, {
    email: RECIPIENT.email,
    locale: 'en',
  });
  const code = await smsCode(server.dataDir, RECIPIENT.phone);
  return postJson<VerifyResponse>(`${server.baseUrl}/api/r/${id}/verifications/${verificationId}/verify`, { code });
}
