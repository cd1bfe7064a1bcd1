/**
 * The send check with the in-memory Outlook and a fake service: what it decides, what it says,
 * how fast, and that Outlook hears back exactly once whatever goes wrong.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy, resolvePolicy } from '../../shared/detect';
import { FakeOffice } from '../office/fake-office';
import { markSealed } from '../office/sealed';
import { onMessageSend, OPEN_PANE_COMMAND, SEND_DEADLINE_MS, type OnSendDeps, type SendOptions } from './on-message-send';
import { DEFAULT_POLICY_KEY, POLICY_CACHE_KEY, POLICY_MAX_AGE_MS, type KeyValueStore } from './policy-source';

const NOW = Date.UTC(2026, 0, 15, 9);
const SEALED_ID = 'Q2hlY2tzZWFsZWRpZDAwMA';
const BSN_BODY = '<p>Beste collega,</p><p>Het BSN van mevrouw De Vries is 111222333.</p>';
const requirePolicy = resolvePolicy({ rules: { bsn: { action: 'require', minConfidence: 'medium' } } });

interface Harness {
  office: FakeOffice;
  requests: string[];
  store: Map<string, string>;
  completed: SendOptions[];
  run: (extra?: Partial<OnSendDeps>) => Promise<SendOptions>;
}

type Service = 'up' | 'down' | 'slow' | 'hangs';

function harness(opts: { service?: Service; body?: string; language?: string; mailbox?: string; roaming?: Record<string, unknown>; served?: unknown } = {}): Harness {
  const office = new FakeOffice({
    host: { displayLanguage: opts.language ?? 'en-GB' },
    mailboxVersion: opts.mailbox ?? '1.15',
    item: { subject: 'Verslag', bodyHtml: opts.body ?? '<p>See you tomorrow.</p>', recipients: { to: [{ email: 'jan@client.example', name: 'Jan' }], cc: [], bcc: [] } },
    roaming: opts.roaming,
  });
  const requests: string[] = [];
  const store = new Map<string, string>();
  const completed: SendOptions[] = [];
  const kv: KeyValueStore = { getItem: async (k) => store.get(k) ?? null, setItem: async (k, v) => void store.set(k, v) };
  const fetch = async (url: string): Promise<Response> => {
    requests.push(url);
    const service = opts.service ?? 'up';
    if (service === 'down') throw new TypeError('fetch failed');
    if (service === 'hangs') return new Promise<Response>(() => {});
    if (service === 'slow') await new Promise((r) => setTimeout(r, 10_000).unref());
    return new Response(JSON.stringify({ policy: opts.served ?? defaultPolicy(), failClosed: false }), { headers: { 'content-type': 'application/json' } });
  };
  const run = async (extra: Partial<OnSendDeps> = {}) => {
    await onMessageSend({ completed: (o) => void completed.push(o ?? {}) }, () => ({ office, store: kv, fetch, baseUrl: 'https://sealpost.example', now: () => NOW, ...extra }));
    assert.equal(completed.length, 1, 'event.completed is called exactly once');
    return completed[0]!;
  };
  return { office, requests, store, completed, run };
}

const organisation = (policy: unknown, failClosed = false, age = 60_000) => ({ [POLICY_CACHE_KEY]: { policy, failClosed, fetchedAt: NOW - age } });

function assertStopped(outcome: SendOptions): void {
  assert.equal(outcome.allowEvent, false);
  assert.ok(outcome.errorMessage && outcome.errorMessage.length <= 500, outcome.errorMessage);
}

describe('onMessageSend', () => {
  it('lets a sealed item go without any network request', async () => {
    const h = harness({ body: `<p>Secure message: https://sealpost.example/m/${SEALED_ID}#secret</p>` });
    await markSealed(h.office, SEALED_ID);
    assert.deepEqual(await h.run(), { allowEvent: true });
    assert.deepEqual(h.requests, []);
  });

  it('checks an item whose seal no longer matches its body, as when the content was pasted back', async () => {
    const h = harness({ body: BSN_BODY, roaming: organisation(requirePolicy) });
    await markSealed(h.office, SEALED_ID);
    assertStopped(await h.run());
  });

  it('lets a clean unsealed item go', async () => {
    const h = harness();
    assert.deepEqual(await h.run(), { allowEvent: true });
    assert.deepEqual(h.requests, ['https://sealpost.example/api/policy/default']);
  });

  it('stops a BSN with its label when the policy requires secure sending, in English with the pane button', async () => {
    const h = harness({ body: BSN_BODY, roaming: organisation(requirePolicy) });
    const outcome = await h.run();
    assertStopped(outcome);
    assert.match(outcome.errorMessage!, /^This message must be sent securely\. Contains a citizen service number \(BSN\)\./);
    assert.equal(outcome.commandId, OPEN_PANE_COMMAND);
    assert.equal(outcome.commandId, 'SealpostOpenPaneButton');
    assert.ok(outcome.cancelLabel && outcome.cancelLabel.length <= 20);
    assert.ok(outcome.errorMessageMarkdown && outcome.errorMessageMarkdown.length <= 500);
    assert.equal(outcome.sendModeOverride, undefined, 'require offers no Send Anyway');
    assert.deepEqual(h.requests, [], 'a fresh organisation policy needs no request');
  });

  it('says it in Dutch when Outlook runs in Dutch', async () => {
    const outcome = await harness({ body: BSN_BODY, language: 'nl-NL', roaming: organisation(requirePolicy) }).run();
    assert.match(outcome.errorMessage!, /^Dit bericht moet beveiligd worden verstuurd\. Bevat een burgerservicenummer \(BSN\)\./);
    assert.match(outcome.errorMessageMarkdown!, /^\*\*Dit bericht moet beveiligd worden verstuurd\.\*\*/);
  });

  it('gives clients before Mailbox 1.14 the plain message only', async () => {
    const outcome = await harness({ body: BSN_BODY, mailbox: '1.12', roaming: organisation(requirePolicy) }).run();
    assertStopped(outcome);
    assert.deepEqual(Object.keys(outcome).sort(), ['allowEvent', 'errorMessage']);
  });

  it('offers Send Anyway where the policy only turns secure sending on', async () => {
    const outcome = await harness({ body: BSN_BODY }).run();
    assertStopped(outcome);
    assert.equal(outcome.sendModeOverride, 'promptUser');
    assert.match(outcome.errorMessage!, /^Your organisation asks you to send this message securely\./);
    assert.deepEqual(await harness({ body: BSN_BODY, mailbox: '1.13' }).run(), { allowEvent: true });
  });

  it('stops on the organisation\'s own keywords and patterns too, within 500 characters', async () => {
    const keywords = Array.from({ length: 40 }, (_, i) => `geheimwoord${i}`);
    const policy = resolvePolicy({ keywords, patterns: [{ name: 'x'.repeat(60), regex: 'PRJ-\\d{4}' }], rules: { keyword: { action: 'require' }, pattern: { action: 'require' } } });
    const body = `<p>${keywords.join(' ')} PRJ-1234 BSN 111222333</p>`;
    const outcome = await harness({ body, roaming: organisation(policy) }).run();
    assertStopped(outcome);
    assert.ok(outcome.errorMessageMarkdown!.length <= 500);
  });

  it('fails open when the service is down and nothing says otherwise', async () => {
    const h = harness({ service: 'down' });
    assert.deepEqual(await h.run(), { allowEvent: true });
    assert.equal(h.requests.length, 1);
  });

  it('still applies the last known organisation policy while the service is down', async () => {
    assertStopped(await harness({ service: 'down', body: BSN_BODY, roaming: organisation(requirePolicy, false, POLICY_MAX_AGE_MS * 3) }).run());
  });

  it('stops with a could-not-check message when the service is down and the organisation chose fail-closed', async () => {
    const outcome = await harness({ service: 'down', roaming: organisation(defaultPolicy(), true, POLICY_MAX_AGE_MS + 1) }).run();
    assertStopped(outcome);
    assert.match(outcome.errorMessage!, /could not check this message/);
    assert.equal(outcome.commandId, undefined);
  });

  it('decides before the deadline when the service is slow, within the fetch timeout', async () => {
    const h = harness({ service: 'slow' });
    const started = performance.now();
    assert.deepEqual(await h.run(), { allowEvent: true });
    const took = performance.now() - started;
    assert.ok(took < SEND_DEADLINE_MS && took < 2000, `took ${took} ms`);
  });

  it('applies the fail-open or fail-closed rule at the deadline when Outlook itself is slow', async () => {
    const open = harness({ service: 'hangs' });
    open.office.latencyMs = 400;
    assert.deepEqual(await open.run({ deadlineMs: 100 }), { allowEvent: true });
    const closed = harness({ service: 'hangs', roaming: organisation(defaultPolicy(), true, POLICY_MAX_AGE_MS * 2) });
    closed.office.latencyMs = 400;
    assertStopped(await closed.run({ deadlineMs: 100, fetchTimeoutMs: 50 }));
    await new Promise((r) => setTimeout(r, 600));
    assert.equal(open.completed.length + closed.completed.length, 2, 'the late work completes nothing');
  });

  it('completes exactly once when the adapter throws, failing open or closed as the organisation chose', async () => {
    const open = harness({ body: BSN_BODY });
    open.office.failWith('getBodyText', 'InternalError');
    assert.deepEqual(await open.run(), { allowEvent: true });
    const closed = harness({ body: BSN_BODY, roaming: organisation(requirePolicy, true) });
    closed.office.failWith('listAttachments', 'InternalError');
    assertStopped(await closed.run());
    const completed: SendOptions[] = [];
    await onMessageSend({ completed: (o) => void completed.push(o ?? {}) }, () => {
      throw new ReferenceError('Office is not defined');
    });
    assert.deepEqual(completed, [{ allowEvent: true }]);
  });

  it('keeps the fetched default for the next send instead of asking again', async () => {
    const h = harness();
    await h.run();
    assert.ok(h.store.has(DEFAULT_POLICY_KEY));
    h.completed.length = 0;
    await h.run();
    assert.equal(h.requests.length, 1);
  });
});
