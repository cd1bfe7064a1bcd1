import { isErrorCode, type ErrorBody, type Result } from '../../shared/errors';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** A network failure or an aborted request: the service never answered. */
export const NETWORK_ERROR: ErrorBody = { code: 'unavailable', message: 'The service could not be reached.' };

/** Turns any non-2xx answer into an `ErrorBody`, trusting only a well-formed `{ code }`. */
export async function readError(response: Response): Promise<ErrorBody> {
  try {
    const body: unknown = await response.json();
    if (body && typeof body === 'object' && isErrorCode((body as { code?: unknown }).code)) {
      const { code, message, details } = body as ErrorBody;
      return { code, message: typeof message === 'string' ? message : '', details };
    }
  } catch {
    // Not JSON (a proxy's error page, say): fall through to a code from the status.
  }
  if (response.status === 404) return { code: 'not_found', message: 'Not found.' };
  if (response.status === 429) return { code: 'rate_limited', message: 'Too many requests.' };
  return { code: response.status >= 500 ? 'unavailable' : 'bad_request', message: `HTTP ${response.status}` };
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /** A bearer token for the `Authorization` header. */
  token?: string;
}

/** Sends a request and hands back any 2xx response unread; never throws. */
export async function request(fetchImpl: FetchLike, url: string, init: RequestOptions = {}): Promise<Result<Response>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.token !== undefined) headers['authorization'] = `Bearer ${init.token}`;
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
      // Answers belong to one person's session: never from or into a cache.
      cache: 'no-store',
    });
  } catch {
    return { ok: false, error: NETWORK_ERROR };
  }
  if (!response.ok) return { ok: false, error: await readError(response) };
  return { ok: true, data: response };
}

/** JSON in, JSON out, never throws: the result says what happened. */
export async function requestJson<T>(fetchImpl: FetchLike, url: string, init: RequestOptions = {}): Promise<Result<T>> {
  const sent = await request(fetchImpl, url, init);
  if (!sent.ok) return sent;
  try {
    const text = await sent.data.text();
    return { ok: true, data: (text ? JSON.parse(text) : undefined) as T };
  } catch {
    return { ok: false, error: NETWORK_ERROR };
  }
}
