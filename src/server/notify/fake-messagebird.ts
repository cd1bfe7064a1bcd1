/**
 * A loopback stand-in for MessageBird's `POST /messages` that checks the request as the SMS API
 * reference documents it and answers with its documented shapes: 201 with the message object,
 * or `{ errors: [{ code, description, parameter }] }` (2: access key, 9: recipients/params).
 * Checked against published examples and the official SDKs: the 401 body for code 2 and the
 * text of code 9. Not verified: that code 9 comes with 422, and the 429 (code 98) and 500
 * (code 99) bodies, which only exercise the sender's status handling.
 */
import { hexId, mediaType, startFakeServer, type FakeServer, type Reply } from './fake-provider-http';

export interface FakeMessageBirdOptions {
  accessKey: string;
}

const FIELDS = new Set(['originator', 'recipients', 'body']);

export function startFakeMessageBird(options: FakeMessageBirdOptions): Promise<FakeServer> {
  return startFakeServer((req, reply, fake) => {
    if (req.path !== '/messages') return birdError(reply, 404, 20, 'resource not found', null);
    if (req.method !== 'POST') return birdError(reply, 405, 20, 'method not allowed', null);
    if (req.headers.authorization !== `AccessKey ${options.accessKey}`) {
      return birdError(reply, 401, 2, 'Request not allowed (incorrect access_key)', 'access_key');
    }
    if (mediaType(req.headers) !== 'application/json') fake.violations.push(`content-type ${req.headers['content-type']}`);
    if (!(req.headers.accept ?? '').includes('application/json')) fake.violations.push('accept is not application/json');

    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(req.body) as Record<string, unknown>;
    } catch {
      fake.violations.push('body is not JSON');
      return birdError(reply, 422, 9, 'no (correct) recipients found', 'recipients');
    }
    for (const key of Object.keys(payload)) if (!FIELDS.has(key)) fake.violations.push(`unexpected field ${key}`);
    const { originator, recipients, body } = payload;
    if (typeof originator !== 'string' || originator === '') return birdError(reply, 422, 9, 'originator is required', 'originator');
    if (typeof body !== 'string' || body === '') return birdError(reply, 422, 9, 'body is required', 'body');
    const valid = Array.isArray(recipients) && recipients.length > 0 && recipients.every((r) => Number.isSafeInteger(r) && (r as number) > 0);
    if (!valid) return birdError(reply, 422, 9, 'no (correct) recipients found', 'recipients');

    switch (fake.mode) {
      case 'rejected_recipient':
        return birdError(reply, 422, 9, 'no (correct) recipients found', 'recipients');
      case 'rate_limited':
        return birdError(reply, 429, 98, 'too many requests', null);
      case 'server_error':
        return birdError(reply, 500, 99, 'internal error', null);
      case 'html_error':
        return reply.raw(502, 'text/html', '<html><body>502 Bad Gateway</body></html>');
      default:
        return reply.json(201, messageObject(originator, body, recipients as number[]));
    }
  });
}

function birdError(reply: Reply, status: number, code: number, description: string, parameter: string | null): void {
  reply.json(status, { errors: [{ code, description, parameter }] });
}

function messageObject(originator: string, body: string, recipients: number[]): Record<string, unknown> {
  const id = hexId(16);
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00');
  return {
    id,
    href: `https://rest.messagebird.com/messages/${id}`,
    direction: 'mt',
    type: 'sms',
    originator,
    body,
    reference: null,
    validity: null,
    gateway: 10,
    typeDetails: {},
    datacoding: 'plain',
    mclass: 1,
    scheduledDatetime: null,
    createdDatetime: now,
    recipients: {
      totalCount: recipients.length,
      totalSentCount: recipients.length,
      totalDeliveredCount: 0,
      totalDeliveryFailedCount: 0,
      items: recipients.map((recipient) => ({ recipient, status: 'sent', statusDatetime: now, messagePartCount: 1 })),
    },
  };
}
