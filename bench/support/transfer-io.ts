/**
 * The file and HTTP plumbing of bench/transfer.ts: test file, cp, hashes, an uploader and a file
 * sink that respect backpressure, the no-crypto reference transfers and a bare AES-GCM loop.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { request, type IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { RECORD_SIZE } from '../../src/shared/crypto';
import type { PartUploader } from '../../src/shared/protocol/sender-client';
import { MIB } from './cli';
import { RECIPIENT } from './recipient';

/** PUTs `source` on node:http: pipeline() waits for the socket to drain, so memory stays flat. */
export async function put(url: string, token: string, source: Readable, size: number): Promise<void> {
  const req = request(url, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'content-length': String(size) },
  });
  const response = new Promise<IncomingMessage>((resolve, reject) => {
    req.once('response', resolve);
    req.once('error', reject);
  });
  await pipeline(source, req);
  const res = await response;
  let text = '';
  for await (const chunk of res) text += String(chunk);
  if (res.statusCode !== 204) throw new Error(`upload: HTTP ${res.statusCode} ${text}`);
}

export const httpUploader: PartUploader = (url, token, body, size) =>
  put(url, token, body instanceof Uint8Array ? Readable.from([body]) : Readable.fromWeb(body as NodeReadableStream<Uint8Array>, { highWaterMark: 4 * MIB }), size);

/**
 * Reference for (a): the file's bytes as they are, uploaded as part 1 of a message that declares
 * that size, so the service and loopback are timed without the encryption. Never finalised.
 */
export async function uploadPlain(baseUrl: string, token: string, path: string, bytes: number): Promise<void> {
  const res = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ recipients: [RECIPIENT], parts: [{ size: 40 }, { size: bytes }] }),
  });
  if (res.status !== 201) throw new Error(`create message: HTTP ${res.status} ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  await put(`${baseUrl}/api/messages/${id}/parts/1`, token, createReadStream(path, { highWaterMark: MIB }), bytes);
}

/** Reference for (b): the stored part downloaded and counted, not decrypted. */
export async function downloadPlain(url: string, sessionToken: string): Promise<number> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${sessionToken}` } });
  if (!res.ok || !res.body) throw new Error(`download: HTTP ${res.status}`);
  const reader = res.body.getReader();
  let bytes = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) bytes += next.value.length;
  return bytes;
}

/** A file sink whose writes finish before more is accepted (up to 4 MiB queued), so memory stays flat. */
export async function fileSink(path: string): Promise<WritableStream<Uint8Array>> {
  const file = await open(path, 'wx', 0o600);
  return new WritableStream<Uint8Array>(
    {
      write: async (chunk) => void (await file.write(chunk)),
      close: () => file.close(),
      abort: () => file.close(),
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 4 * MIB }),
  );
}

/** Writes `bytes` bytes by repeating one random 1 MiB block; returns the SHA-256 of the file. */
export async function generate(path: string, bytes: number): Promise<string> {
  const block = randomBytes(MIB);
  const hash = createHash('sha256');
  const file = await open(path, 'wx', 0o600);
  try {
    for (let written = 0; written < bytes; ) {
      const piece = block.subarray(0, Math.min(MIB, bytes - written));
      await file.write(piece);
      hash.update(piece);
      written += piece.length;
    }
  } finally {
    await file.close();
  }
  return hash.digest('hex');
}

/**
 * Seconds for a bare WebCrypto AES-256-GCM loop over `bytes` in memory, one 64 KiB record at a
 * time as the part streams do: the ceiling this process's encryption can reach.
 */
export async function bareAesGcm(bytes: number): Promise<number> {
  const block = randomBytes(MIB);
  const key = await crypto.subtle.importKey('raw', randomBytes(32), 'AES-GCM', false, ['encrypt']);
  const additionalData = new Uint8Array(24);
  const start = performance.now();
  for (let offset = 0, counter = 0; offset < bytes; offset += RECORD_SIZE, counter++) {
    const iv = new Uint8Array(12);
    new DataView(iv.buffer).setUint32(7, counter);
    const at = offset % MIB;
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, key, block.subarray(at, at + RECORD_SIZE));
  }
  return (performance.now() - start) / 1000;
}

export async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: MIB })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Seconds a `cp` of `from` takes; the copy is removed straight after. */
export async function cp(from: string, to: string): Promise<number> {
  const start = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn('cp', [from, to], { stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`cp exited with ${code}`))));
  });
  const seconds = (performance.now() - start) / 1000;
  rmSync(to, { force: true });
  return seconds;
}
