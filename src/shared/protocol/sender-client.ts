/**
 * The sender's half of secure sending, for any JavaScript host with fetch and WebCrypto (the
 * add-in's task pane, the demo command, tests and benchmarks): make the link secret, create the
 * message, encrypt and upload every part, seal it, and return the link.
 */
import {
  ciphertextSize,
  encodeContent,
  encryptBytes,
  encryptPart,
  formatLink,
  fromBase64Url,
  newLinkSecret,
  partLabel,
  type PartKeyMaterial,
  type SealedContent,
} from '../crypto';
import type { ErrorBody } from '../errors';
import type { CreateMessageResponse, RecipientInput } from './api';
import { routes } from './routes';

export interface OutgoingAttachment {
  name: string;
  type: string;
  size: number;
  /** A fresh stream of the plaintext bytes each time it is called. */
  open: () => ReadableStream<Uint8Array>;
}

export interface OutgoingMessage {
  subject: string;
  html: string;
  text?: string;
  from?: { name: string; email: string };
  attachments: OutgoingAttachment[];
}

/** Sends one encrypted part. The default streams with fetch; browsers may pass an XHR uploader for progress. */
export type PartUploader = (url: string, token: string, body: ReadableStream<Uint8Array> | Uint8Array, size: number) => Promise<void>;

export interface SenderApi {
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  upload?: PartUploader;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
    this.name = 'ApiError';
  }
}

export interface SentMessage {
  id: string;
  link: string;
  expiresAt: string;
  recipients: CreateMessageResponse['recipients'];
}

export async function sendSecure(
  api: SenderApi,
  message: OutgoingMessage,
  recipients: RecipientInput[],
  options: { expiresInDays?: number; locale?: 'nl' | 'en'; onProgress?: (sent: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<SentMessage> {
  const doFetch = api.fetch ?? fetch;
  const upload = api.upload ?? fetchUploader(doFetch, options.signal);
  const linkSecret = newLinkSecret();
  const content: SealedContent = {
    v: 1,
    subject: message.subject,
    html: message.html,
    ...(message.text !== undefined ? { text: message.text } : {}),
    ...(message.from ? { from: message.from } : {}),
    sentAt: new Date().toISOString(),
    attachments: message.attachments.map((a, i) => ({ part: i + 1, name: a.name, type: a.type, size: a.size })),
  };
  const contentBytes = encodeContent(content);
  const sizes = [contentBytes.length, ...message.attachments.map((a) => a.size)].map(ciphertextSize);
  const total = sizes.reduce((a, b) => a + b, 0);

  const created = await json<CreateMessageResponse>(doFetch, `${api.baseUrl}${routes.messages}`, api.token, {
    method: 'POST',
    body: JSON.stringify({ recipients, parts: sizes.map((size) => ({ size })), expiresInDays: options.expiresInDays, locale: options.locale }),
    signal: options.signal,
  });
  const km: PartKeyMaterial = { linkSecret, serverShare: fromBase64Url(created.serverShare), messageId: created.id };

  let sent = 0;
  const progress = (n: number) => {
    sent += n;
    options.onProgress?.(sent, total);
  };
  const part0 = await encryptBytes(km, partLabel(0), contentBytes);
  await upload(`${api.baseUrl}${routes.part(created.id, 0)}`, api.token, part0, part0.length);
  progress(part0.length);
  for (const [i, attachment] of message.attachments.entries()) {
    const index = i + 1;
    const counted = attachment
      .open()
      .pipeThrough(encryptPart(km, partLabel(index)))
      .pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            progress(chunk.length);
            controller.enqueue(chunk);
          },
        }),
      );
    await upload(`${api.baseUrl}${routes.part(created.id, index)}`, api.token, counted, sizes[index]!);
  }
  await json(doFetch, `${api.baseUrl}${routes.finalise(created.id)}`, api.token, { method: 'POST', signal: options.signal });
  return { id: created.id, link: formatLink(api.baseUrl, created.id, linkSecret), expiresAt: created.expiresAt, recipients: created.recipients };
}

function fetchUploader(doFetch: typeof fetch, signal?: AbortSignal): PartUploader {
  return async (url, token, body, size) => {
    const res = await doFetch(url, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'content-length': String(size) },
      body: body as BodyInit,
      signal,
      // Streaming request bodies need half-duplex mode (fetch standard; Node's fetch implements it).
      ...(body instanceof Uint8Array ? {} : { duplex: 'half' }),
    } as RequestInit);
    if (!res.ok) throw new ApiError(res.status, await errorBody(res));
  };
}

async function json<T>(doFetch: typeof fetch, url: string, token: string, init: RequestInit): Promise<T> {
  const res = await doFetch(url, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
  });
  if (!res.ok) throw new ApiError(res.status, await errorBody(res));
  return (await res.json()) as T;
}

async function errorBody(res: Response): Promise<ErrorBody> {
  try {
    return (await res.json()) as ErrorBody;
  } catch {
    return { code: 'internal', message: `HTTP ${res.status}` };
  }
}
