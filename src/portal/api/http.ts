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

/** JSON in, JSON out, never throws: the result says what happened. */
export async function requestJson<T>(
  fetchImpl: FetchLike,
  url: string,
  init: { method?: 'GET' | 'POST'; body?: unknown; signal?: AbortSignal } = {},
): Promise<Result<T>> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: init.method ?? 'GET',
      headers: init.body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
      // Answers belong to one recipient's session: never from or into a cache.
      cache: 'no-store',
    });
  } catch {
    return { ok: false, error: NETWORK_ERROR };
  }
  if (!response.ok) return { ok: false, error: await readError(response) };
  try {
    const text = await response.text();
    return { ok: true, data: (text ? JSON.parse(text) : undefined) as T };
  } catch {
    return { ok: false, error: NETWORK_ERROR };
  }
}
