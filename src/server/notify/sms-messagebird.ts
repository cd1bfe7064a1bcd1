/**
 * MessageBird SMS (Dutch provider, now part of Bird): `POST {base}/messages`, header
 * `Authorization: AccessKey <key>`, JSON `{ originator, recipients, body }`. Success is 201 with
 * the message object (`id`); failures are JSON `{ errors: [{ code, description, parameter }] }`
 * (code 2: wrong access key, 9: no correct recipients, 25: not enough balance), as MessageBird's
 * SMS API reference and its official SDKs show.
 *
 * This is the legacy rest.messagebird.com API, which Bird keeps for existing accounts; new Bird
 * workspaces use a different channels API that this sender does not speak.
 */
import { reasonForStatus, silentLogger, type NotifyFailure, type NotifyLogger } from './notify-error';
import { SmsCall, field, integerField, stringField } from './provider-http';
import type { SmsMessage, SmsSender } from './sms';

export interface MessageBirdOptions {
  /** A live access key from the dashboard (test_ keys are accepted but deliver nothing). */
  accessKey: string;
  /** Sender: an alphanumeric name of at most 11 characters, or a phone number with country code. */
  originator: string;
  /** Defaults to https://rest.messagebird.com; tests point it at a loopback server. */
  baseUrl?: string;
  /** Abort the request after this long; defaults to 10 seconds. */
  timeoutMs?: number;
  logger?: NotifyLogger;
}

/** Alphanumeric sender ids are limited to 11 characters by the SMS network, not by MessageBird. */
const ORIGINATOR = /^(?:[A-Za-z0-9 ]{1,11}|\+?[1-9][0-9]{5,15})$/;

export class MessageBirdSmsSender implements SmsSender {
  private readonly url: string;
  private readonly timeoutMs: number;
  private readonly logger: NotifyLogger;

  constructor(private readonly options: MessageBirdOptions) {
    if (!options.accessKey) throw new Error('MessageBird needs an access key.');
    if (!ORIGINATOR.test(options.originator)) {
      throw new Error('MessageBird originator must be up to 11 letters/digits or a phone number.');
    }
    this.url = `${(options.baseUrl ?? 'https://rest.messagebird.com').replace(/\/+$/, '')}/messages`;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.logger = options.logger ?? silentLogger;
  }

  async send(msg: SmsMessage): Promise<{ providerId?: string }> {
    // The reference documents recipients as MSISDNs, JSON integers without the plus.
    const msisdn = Number(msg.to.replace(/^\+/, ''));
    const call = new SmsCall('messagebird', this.logger);
    const answer = await call.post({
      url: this.url,
      headers: {
        authorization: `AccessKey ${this.options.accessKey}`,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify({ originator: this.options.originator, recipients: [msisdn], body: msg.text }),
      timeoutMs: this.timeoutMs,
    });

    if (!answer.ok) {
      const errors = field(answer.json, 'errors');
      const first = Array.isArray(errors) ? (errors[0] as unknown) : undefined;
      throw call.failed(reasonFor(answer.status, errors), answer.status, integerField(first, 'code'));
    }
    const id = stringField(answer.json, 'id');
    if (!id) throw call.failed('bad_response', answer.status);
    return call.accepted(id);
  }
}

function reasonFor(status: number, errors: unknown): NotifyFailure {
  const list: unknown[] = Array.isArray(errors) ? errors : [];
  if (list.some((e) => integerField(e, 'code') === 2)) return 'auth_failed';
  if (list.some((e) => integerField(e, 'code') === 9 || field(e, 'parameter') === 'recipients')) return 'recipient_rejected';
  return reasonForStatus(status);
}
