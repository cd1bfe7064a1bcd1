/**
 * A loopback stand-in for Twilio's Create Message endpoint that checks each request the way the
 * API reference documents it and answers with the documented bodies. Error codes used: 20003
 * (authenticate), 20404 (not found), 20429 (too many requests), 21211 (invalid 'To'), 21602
 * (body required), 21603 ('From' required), 21604 ('To' required), 21617 (body over 1600).
 * The error body shape and codes 20003 and 20404 were checked against Twilio's documentation and
 * SDK fixtures; the other codes and their texts follow Twilio's error dictionary but were not
 * re-checked line by line, and nothing here was compared with the live API.
 */
import { hexId, mediaType, startFakeServer, type FakeServer, type Reply } from './fake-provider-http';

export interface FakeTwilioOptions {
  accountSid: string;
  authToken: string;
  /** When the sender authenticates with an API key, the key's SID is the Basic user name. */
  apiKeySid?: string;
}

const FIELDS = new Set(['To', 'From', 'MessagingServiceSid', 'Body']);

export function startFakeTwilio(options: FakeTwilioOptions): Promise<FakeServer> {
  const path = `/2010-04-01/Accounts/${options.accountSid}/Messages.json`;
  const basic = `Basic ${Buffer.from(`${options.apiKeySid ?? options.accountSid}:${options.authToken}`).toString('base64')}`;

  return startFakeServer((req, reply, fake) => {
    if (req.path !== path) return twilioError(reply, 404, 20404, 'The requested resource was not found');
    if (req.method !== 'POST') return twilioError(reply, 405, 20004, 'Method not allowed');
    if (req.headers.authorization !== basic) return twilioError(reply, 401, 20003, 'Authenticate');
    if (mediaType(req.headers) !== 'application/x-www-form-urlencoded') {
      fake.violations.push(`content-type ${req.headers['content-type']}`);
    }

    const form = new URLSearchParams(req.body);
    for (const key of new Set(form.keys())) {
      if (!FIELDS.has(key)) fake.violations.push(`unexpected field ${key}`);
      if (form.getAll(key).length > 1) fake.violations.push(`repeated field ${key}`);
    }
    const to = form.get('To');
    const body = form.get('Body');
    if (form.has('From') && form.has('MessagingServiceSid')) fake.violations.push('both From and MessagingServiceSid');
    if (!to) return twilioError(reply, 400, 21604, "A 'To' phone number is required.");
    if (!form.get('From') && !form.get('MessagingServiceSid')) return twilioError(reply, 400, 21603, "A 'From' phone number is required.");
    if (!body) return twilioError(reply, 400, 21602, 'Message body is required.');
    if (body.length > 1600) return twilioError(reply, 400, 21617, 'The concatenated message body exceeds the 1600 character limit.');
    if (!/^\+[1-9]\d{6,14}$/.test(to)) return twilioError(reply, 400, 21211, `Invalid 'To' Phone Number: ${to}`);

    switch (fake.mode) {
      case 'rejected_recipient':
        return twilioError(reply, 400, 21211, `Invalid 'To' Phone Number: ${to}`);
      case 'rate_limited':
        return twilioError(reply, 429, 20429, 'Too Many Requests');
      case 'server_error':
        return twilioError(reply, 500, 20500, 'Internal Server Error');
      case 'html_error':
        return reply.raw(502, 'text/html', '<html><body>502 Bad Gateway</body></html>');
      default:
        return reply.json(201, messageResource(options.accountSid, form));
    }
  });
}

function twilioError(reply: Reply, status: number, code: number, message: string): void {
  reply.json(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
}

/** The Message resource as the reference shows it right after creation (status queued). */
function messageResource(accountSid: string, form: URLSearchParams): Record<string, unknown> {
  const sid = `SM${hexId(16)}`;
  const now = new Date().toUTCString().replace('GMT', '+0000');
  return {
    account_sid: accountSid,
    api_version: '2010-04-01',
    body: form.get('Body'),
    date_created: now,
    date_sent: null,
    date_updated: now,
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    from: form.get('From'),
    messaging_service_sid: form.get('MessagingServiceSid'),
    num_media: '0',
    num_segments: '1',
    price: null,
    price_unit: 'USD',
    sid,
    status: form.has('MessagingServiceSid') ? 'accepted' : 'queued',
    subresource_uris: { media: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}/Media.json` },
    to: form.get('To'),
    uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
  };
}
