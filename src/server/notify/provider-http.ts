/**
 * The one HTTP call the SMS providers make: a POST with a deadline that answers with the status
 * and the parsed JSON body, or throws a failure reason. Nothing here touches the message itself.
 */
import { NotifyError, reasonForFetchError, type NotifyFailure, type NotifyLogger } from './notify-error';

export interface ProviderRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

export interface ProviderAnswer {
  status: number;
  ok: boolean;
  /** The parsed body, or undefined when it was empty or not JSON (a proxy's HTML error page). */
  json: unknown;
}

/** Thrown by `postToProvider` when no HTTP answer arrived. */
export class ProviderUnreachable extends Error {
  constructor(readonly reason: NotifyFailure) {
    super(reason);
  }
}

export async function postToProvider(request: ProviderRequest): Promise<ProviderAnswer> {
  try {
    // The deadline covers reading the body too, so a provider that stalls mid-answer also times out.
    const response = await fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      redirect: 'error',
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    const text = await response.text();
    return { status: response.status, ok: response.ok, json: parseJson(text) };
  } catch (error) {
    throw new ProviderUnreachable(reasonForFetchError(error));
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** `body[key]` when the body is an object, else undefined. */
export function field(body: unknown, key: string): unknown {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>)[key] : undefined;
}

export function integerField(body: unknown, key: string): number | undefined {
  const value = field(body, key);
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

export function stringField(body: unknown, key: string): string | undefined {
  const value = field(body, key);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export type SmsProvider = 'twilio' | 'messagebird';

/**
 * One SMS provider call with its outcome logged the same way for every provider: the provider's
 * id and the time taken, or a stable failure reason; never the number or the text.
 */
export class SmsCall {
  private readonly started = Date.now();

  constructor(
    private readonly provider: SmsProvider,
    private readonly logger: NotifyLogger,
  ) {}

  /** Posts, turning "no answer at all" into a logged failure. */
  async post(request: ProviderRequest): Promise<ProviderAnswer> {
    try {
      return await postToProvider(request);
    } catch (error) {
      throw this.failed(error instanceof ProviderUnreachable ? error.reason : 'unavailable');
    }
  }

  failed(reason: NotifyFailure, httpStatus?: number, providerCode?: number): NotifyError {
    const error = new NotifyError({ channel: 'sms', provider: this.provider, reason, httpStatus, providerCode });
    this.logger.warn({ event: 'sms_failed', ...error.toLog(), ms: Date.now() - this.started }, `${this.provider} did not accept the sms`);
    return error;
  }

  accepted(providerId: string): { providerId: string } {
    this.logger.info({ event: 'sms_sent', provider: this.provider, providerId, ms: Date.now() - this.started }, `sms accepted by ${this.provider}`);
    return { providerId };
  }
}
