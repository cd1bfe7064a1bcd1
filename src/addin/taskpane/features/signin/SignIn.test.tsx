import 'global-jsdom/register';
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { SignInError } from '../../../auth/sign-in';
import { FAKE_SESSION } from '../../../auth/fake-sign-in';
import { DEV_CONFIG, fail, fakeApi, fakeOffice, renderPane, renderSignedIn } from '../../test-support';
import { POLICY_CACHE_KEY } from './policy-cache';
import { SENDER_NOTICE_KEY } from './useSenderNotice';

afterEach(cleanup);

describe('signing in', () => {
  it('waits for the button in the development sign-in and says who you will be', async () => {
    const { signIn } = renderPane();
    const button = await screen.findByRole('button', { name: 'Sign in' });
    assert.ok(screen.getByText('Development sign-in as Anna de Vries (anna@example.nl).'));
    assert.deepEqual(signIn.calls, ['silent'], 'no window before the click');
    fireEvent.click(button);
    assert.ok(await screen.findByText('Signed in as Anna de Vries'));
    assert.deepEqual(signIn.calls.slice(0, 2), ['silent', 'interactive']);
  });

  it('shows the sign-in screen in its first render when the configuration is at hand and the sign-in knows it has no session', () => {
    const api = fakeApi();
    const { signIn } = renderPane({ api, startConfig: { ok: true, data: DEV_CONFIG }, signIn: { known: true } });
    // No awaiting: the screen is there straight after render().
    assert.ok(screen.getByRole('heading', { name: 'Sign in to Sealpost' }));
    assert.ok(screen.getByRole('button', { name: 'Sign in' }));
    assert.deepEqual(signIn.calls, ['knownSession'], 'no silent attempt');
    assert.equal(api.callsOf('getConfig').length, 0, 'the configuration is not asked for again');
  });

  it('says at once that the service cannot be reached when the configuration at start is an error, and asks anew on "Try again"', async () => {
    const api = fakeApi();
    renderPane({ api, startConfig: fail('unavailable'), signIn: { known: true } });
    assert.ok(screen.getByText(/The Sealpost service could not be reached/));
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    assert.ok(await screen.findByRole('button', { name: 'Sign in' }));
    assert.equal(api.callsOf('getConfig').length, 1);
  });

  it('still tries silently, with the configuration at hand, when only MSAL can tell', async () => {
    const api = fakeApi();
    const { signIn } = renderPane({ api, startConfig: { ok: true, data: DEV_CONFIG }, signIn: { kind: 'azure', silent: FAKE_SESSION } });
    assert.equal(screen.queryByRole('button', { name: 'Sign in' }), null);
    assert.ok(await screen.findByText('Signed in as Anna de Vries'));
    assert.deepEqual(signIn.calls.slice(0, 1), ['silent']);
    assert.equal(api.callsOf('getConfig').length, 0);
  });

  it('goes straight in when the silent sign-in works', async () => {
    renderSignedIn({ signIn: { kind: 'azure' } });
    assert.ok(await screen.findByText('Signed in as Anna de Vries'));
    assert.equal(screen.queryByRole('button', { name: 'Sign in' }), null);
  });

  it('says a closed sign-in window was cancelled and offers the button again', async () => {
    renderPane({ signIn: { kind: 'azure', interactive: new SignInError('cancelled') } });
    fireEvent.click(await screen.findByRole('button', { name: 'Sign in' }));
    assert.ok(await screen.findByText('Sign-in was cancelled.'));
    assert.ok(screen.getByRole('button', { name: 'Sign in' }));
  });

  it('says when the service cannot be reached, and tries again on request', async () => {
    let answers = [fail('unavailable')];
    const api = fakeApi({ getConfig: async () => answers.shift() ?? (await fakeApi().getConfig()) });
    renderPane({ api });
    assert.ok(await screen.findByText(/The Sealpost service could not be reached/));
    answers = [];
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    assert.ok(await screen.findByRole('button', { name: 'Sign in' }));
  });

  it('reports only coarse client words and caches the policy for the on-send handler', async () => {
    const { api, office } = renderSignedIn();
    await waitFor(() => assert.ok(office.getRoaming(POLICY_CACHE_KEY)));
    const [token, info] = api.callsOf('putClient')[0]!;
    assert.equal(token, FAKE_SESSION.token);
    assert.deepEqual(info, { outlookHost: 'Outlook', outlookVersion: '16.0.17000.20000', outlookPlatform: 'OfficeOnline', browser: 'edge', device: 'desktop' });
    const cache = office.getRoaming<{ policy: unknown; failClosed: boolean; fetchedAt: number }>(POLICY_CACHE_KEY)!;
    assert.equal(cache.failClosed, false);
    assert.ok(cache.policy && Number.isSafeInteger(cache.fetchedAt), 'fetchedAt is ms since the epoch, as the on-send handler reads it');
  });

  it('returns to "Sign in" when the service no longer accepts the token', async () => {
    renderSignedIn({ api: fakeApi({ getSettings: async () => fail('unauthenticated') }) });
    assert.ok(await screen.findByRole('button', { name: 'Sign in' }));
    assert.ok(screen.getByText('Your sign-in has ended. Sign in again to continue.'));
  });
});

describe('first-use notice', () => {
  it('tells the sender what is recorded, why and for how long, with the privacy statement', async () => {
    const office = fakeOffice({ roaming: {} });
    renderSignedIn({ office });
    const notice = await screen.findByRole('region', { name: 'What Sealpost records about you' });
    assert.match(notice.textContent ?? '', /name, e-mail address and organisation, your Azure AD tenant and user IDs, your Outlook version and platform, and your browser and device type/);
    assert.match(notice.textContent ?? '', /30 days after your organisation’s contract ends/);
    assert.equal(within(notice).getByRole('link', { name: 'Privacy statement' }).getAttribute('href'), 'https://sealpost.example/privacy');
    fireEvent.click(within(notice).getByRole('button', { name: 'Got it' }));
    await waitFor(() => assert.equal(screen.queryByRole('region', { name: 'What Sealpost records about you' }), null));
    await waitFor(() => assert.equal(office.getRoaming<{ version: number }>(SENDER_NOTICE_KEY)?.version, 1));
  });

  it('is not shown again once acknowledged', async () => {
    renderSignedIn();
    await screen.findByText('Signed in as Anna de Vries');
    assert.equal(screen.queryByRole('region', { name: 'What Sealpost records about you' }), null);
  });
});
