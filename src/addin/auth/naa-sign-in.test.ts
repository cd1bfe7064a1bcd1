import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createSignIn, type SignInDeps } from './create-sign-in';
import { formatDialogMessage } from './dialog/dialog-message';
import type { MsalClient, MsalModule, MsalResult } from './msal-types';
import { SignInError } from './sign-in';

class FakeInteractionRequired extends Error {
  errorCode = 'interaction_required';
}

const AZURE = { clientId: 'client-id', authority: 'https://login.microsoftonline.com/organizations', scopes: ['api://client-id/access_as_user'] };
const CONFIG = { azure: AZURE, devSignIn: false, privacyUrl: 'https://sealpost.example/privacy' };
const RESULT: MsalResult = {
  accessToken: 'azure-token',
  expiresOn: new Date('2099-01-01T00:00:00Z'),
  account: { username: 'anna@contoso.nl', name: 'Anna de Vries' },
};

function fakeMsal(silent: () => Promise<MsalResult>, popup: () => Promise<MsalResult> = async () => RESULT) {
  const calls: string[] = [];
  const configs: unknown[] = [];
  const client: MsalClient = {
    acquireTokenSilent: async () => (calls.push('silent'), silent()),
    acquireTokenPopup: async (request) => (calls.push(`popup:${request.scopes.join(' ')}`), popup()),
    getAllAccounts: () => [],
  };
  const module: MsalModule = {
    createNestablePublicClientApplication: async (configuration) => (configs.push(configuration), client),
    InteractionRequiredAuthError: FakeInteractionRequired,
  };
  let loads = 0;
  return { calls, configs, load: async () => (loads++, module), loads: () => loads };
}

function deps(overrides: Partial<SignInDeps> = {}): SignInDeps {
  return {
    fetch: async () => {
      throw new Error('no network in this test');
    },
    profile: () => ({ displayName: 'Anna de Vries', emailAddress: 'anna@contoso.nl' }),
    naaSupported: true,
    openDialog: async () => {
      throw new Error('no dialog expected');
    },
    origin: 'https://sealpost.example',
    ...overrides,
  };
}

describe('Azure AD sign-in with nested app authentication', () => {
  it('signs in silently when Outlook has a token, loading MSAL only then', async () => {
    const msal = fakeMsal(async () => RESULT);
    const signIn = createSignIn(CONFIG, deps({ loadMsal: msal.load }));
    assert.equal(msal.loads(), 0, 'MSAL is not loaded before it is needed');
    assert.equal(signIn.knownSession(), undefined, 'only MSAL can tell, so the pane waits for silent()');
    const session = await signIn.silent();
    assert.deepEqual(session?.account, { name: 'Anna de Vries', email: 'anna@contoso.nl' });
    assert.equal(session?.token, 'azure-token');
    assert.deepEqual(msal.configs[0], {
      auth: { clientId: 'client-id', authority: AZURE.authority },
      cache: { cacheLocation: 'localStorage' },
    });
    assert.equal(await signIn.token(), 'azure-token');
    assert.equal(msal.loads(), 1, 'one client for the whole pane');
  });

  it('waits for the button when interaction is required, then uses the popup', async () => {
    const msal = fakeMsal(async () => {
      throw new FakeInteractionRequired();
    });
    const signIn = createSignIn(CONFIG, deps({ loadMsal: msal.load }));
    assert.equal(await signIn.silent(), null);
    assert.deepEqual(msal.calls, ['silent'], 'no popup without a button press');
    const session = await signIn.interactive();
    assert.equal(session.token, 'azure-token');
    assert.deepEqual(msal.calls, ['silent', 'popup:api://client-id/access_as_user']);
  });

  it('reports a closed popup as cancelled and an unloadable MSAL as unavailable', async () => {
    const closed = fakeMsal(
      async () => RESULT,
      async () => {
        throw Object.assign(new Error('closed'), { errorCode: 'user_cancelled' });
      },
    );
    await assert.rejects(createSignIn(CONFIG, deps({ loadMsal: closed.load })).interactive(), (e: SignInError) => e.code === 'cancelled');
    const offline = createSignIn(CONFIG, deps({ loadMsal: () => Promise.reject(new Error('chunk load failed')) }));
    await assert.rejects(offline.silent(), (e: SignInError) => e.code === 'unavailable');
  });

  it('asks for the button again when a later token needs interaction', async () => {
    let first = true;
    const msal = fakeMsal(async () => {
      if (first) return (first = false), RESULT;
      throw new FakeInteractionRequired();
    });
    const signIn = createSignIn(CONFIG, deps({ loadMsal: msal.load }));
    await signIn.silent();
    await assert.rejects(signIn.token(), (e: SignInError) => e.code === 'interaction_required');
  });
});

describe('Azure AD sign-in without nested app authentication', () => {
  it('falls back to the Office dialog on the same origin and never loads MSAL in the pane', async () => {
    const msal = fakeMsal(async () => RESULT);
    const opened: string[] = [];
    const signIn = createSignIn(
      CONFIG,
      deps({
        naaSupported: false,
        loadMsal: msal.load,
        openDialog: async (url) => {
          opened.push(url);
          return formatDialogMessage({ ok: true, token: 'dialog-token', expiresAt: Date.parse('2099-01-01'), name: 'Anna', email: 'anna@contoso.nl' });
        },
      }),
    );
    assert.equal(await signIn.silent(), null, 'nothing to reuse in a new pane');
    assert.equal(signIn.knownSession(), null, 'and that is known at once');
    const session = await signIn.interactive();
    assert.deepEqual(opened, ['https://sealpost.example/addin/auth-dialog.html']);
    assert.equal(session.token, 'dialog-token');
    assert.equal(await signIn.token(), 'dialog-token');
    assert.equal(await signIn.silent(), session, 'the token is reused while fresh');
    assert.equal(signIn.knownSession(), session);
    assert.equal(msal.loads(), 0);
  });

  it('passes on a failure the dialog reports, and treats garbage as a failure', async () => {
    const cancelled = createSignIn(CONFIG, deps({ naaSupported: false, openDialog: async () => formatDialogMessage({ ok: false, code: 'cancelled' }) }));
    await assert.rejects(cancelled.interactive(), (e: SignInError) => e.code === 'cancelled');
    const garbage = createSignIn(CONFIG, deps({ naaSupported: false, openDialog: async () => '<html>' }));
    await assert.rejects(garbage.interactive(), (e: SignInError) => e.code === 'failed');
  });

  it('offers no sign-in when the service has neither Azure AD nor the development sign-in', async () => {
    const none = createSignIn({ ...CONFIG, azure: null }, deps());
    assert.equal(await none.silent(), null);
    await assert.rejects(none.interactive(), (e: SignInError) => e.code === 'not_configured');
  });
});
