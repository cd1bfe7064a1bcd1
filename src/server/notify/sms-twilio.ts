/**
 * Twilio Programmable Messaging: `POST {base}/2010-04-01/Accounts/{AccountSid}/Messages.json`,
 * HTTP Basic auth, form-encoded `To`, `From` or `MessagingServiceSid`, `Body`. Success is 201 with
 * the Message resource (its `sid` starts with SM); failures are JSON `{ code, message, more_info,
 * status }`, as Twilio's REST API reference and its "Twilio API responses" page describe.
 */
import { reasonForStatus, silentLogger, type NotifyFailure, type NotifyLogger } from './notify-error';
import { SmsCall, integerField, stringField } from './provider-http';
import type { SmsMessage, SmsSender } from './sms';

export interface TwilioOptions {
  accountSid: string;
  /** The account's auth token, or an API key's secret when `apiKeySid` is set. */
  authToken: string;
  /** An API key (SK…) to authenticate with instead of the account's own credentials. */
  apiKeySid?: string;
  /** Sender: an E.164 number or an alphanumeric sender id; or use `messagingServiceSid`. */
  from?: string;
  /** A Messaging Service (MG…) that picks the sender; takes precedence over `from`. */
  messagingServiceSid?: string;
  /** Defaults to https://api.twilio.com; tests point it at a loopback server. */
  baseUrl?: string;
  /** Abort the request after this long; defaults to 10 seconds. */
  timeoutMs?: number;
  logger?: NotifyLogger;
}

/**
 * Twilio error codes that are about the recipient rather than about us: invalid 'To' (21211),
 * not permitted to that region (21408), opted out with STOP (21610), unreachable (21612),
 * not a mobile number (21614).
 */
const RECIPIENT_CODES = new Set([21211, 21408, 21610, 21612, 21614]);

export class TwilioSmsSender implements SmsSender {
  private readonly url: string;
  private readonly authorization: string;
  private readonly timeoutMs: number;
  private readonly logger: NotifyLogger;

  constructor(private readonly options: TwilioOptions) {
    if (!options.accountSid || !options.authToken) throw new Error('Twilio needs an account SID and an auth token.');
    if (!options.from && !options.messagingServiceSid) {
      throw new Error('Twilio needs a sender (from) or a messaging service SID.');
    }
    const base = (options.baseUrl ?? 'https://api.twilio.com').replace(/\/+$/, '');
    this.url = `${base}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Messages.json`;
    const user = options.apiKeySid ?? options.accountSid;
    this.authorization = `Basic ${Buffer.from(`${user}:${options.authToken}`, 'utf8').toString('base64')}`;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.logger = options.logger ?? silentLogger;
  }

  async send(msg: SmsMessage): Promise<{ providerId?: string }> {
    const form = new URLSearchParams({ To: msg.to });
    if (this.options.messagingServiceSid) form.set('MessagingServiceSid', this.options.messagingServiceSid);
    else form.set('From', this.options.from ?? '');
    form.set('Body', msg.text);

    const call = new SmsCall('twilio', this.logger);
    const answer = await call.post({
      url: this.url,
      headers: {
        authorization: this.authorization,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: form.toString(),
      timeoutMs: this.timeoutMs,
    });

    if (!answer.ok) {
      const code = integerField(answer.json, 'code');
      const aboutRecipient = code !== undefined && RECIPIENT_CODES.has(code);
      const reason: NotifyFailure = aboutRecipient ? 'recipient_rejected' : reasonForStatus(answer.status);
      throw call.failed(reason, answer.status, code);
    }
    const sid = stringField(answer.json, 'sid');
    if (!sid) throw call.failed('bad_response', answer.status);
    return call.accepted(sid);
  }
}
