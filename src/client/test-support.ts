/**
 * Test helpers both clients' tests can share; nothing in a bundle imports this file.
 */
import type { FetchLike } from './api/http';

export type ApiCall<Api> = { method: keyof Api; args: unknown[] };

/** Wraps every method of a fake API so that the calls it gets are recorded, in order. */
export function recording<Api extends object>(base: Api): Api & { calls: ApiCall<Api>[] } {
  const calls: ApiCall<Api>[] = [];
  const recorded = Object.fromEntries(
    Object.entries(base).map(([method, fn]) => [
      method,
      (...args: unknown[]) => {
        calls.push({ method: method as keyof Api, args });
        return (fn as (...a: unknown[]) => unknown)(...args);
      },
    ]),
  ) as unknown as Api;
  return Object.assign(recorded, { calls });
}

export type SeenRequest = { url: string; init?: RequestInit };

/** An API client made over a `fetch` that answers with `respond` and records what it was asked. */
export function overFakeFetch<Api>(create: (fetchImpl: FetchLike) => Api, respond: (seen: SeenRequest) => Response | Promise<Response>) {
  const seen: SeenRequest[] = [];
  const api = create(async (url, init) => {
    const call = { url, init };
    seen.push(call);
    return respond(call);
  });
  return { seen, api };
}

/** A JSON answer with the given status. */
export const jsonResponse = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
