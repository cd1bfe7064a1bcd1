import 'global-jsdom/register';
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FAKE_SESSION } from '../../auth/fake-sign-in';
import { DEV_CONFIG, fakeOffice, renderPane, renderSignedIn } from '../test-support';
import { forgetMessages, loadedMessages, provideMessages } from './catalogues';
import { en } from './en';
import type { MessageKey } from './messages';
import { nl } from './nl';

afterEach(() => {
  cleanup();
  // Other tests render at once, with both catalogues in.
  provideMessages('en', en);
  provideMessages('nl', nl);
});

const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

describe('the pane’s languages', () => {
  it('give every English text a Dutch one with the same placeholders', () => {
    const keys = Object.keys(en) as MessageKey[];
    assert.deepEqual(Object.keys(nl).sort(), [...keys].sort());
    for (const key of keys) {
      assert.ok(nl[key].trim(), `nl.${key} is empty`);
      assert.deepEqual(placeholders(nl[key]), placeholders(en[key]), `placeholders of ${key}`);
    }
  });

  it('follow Outlook’s display language: Dutch for nl-*', async () => {
    renderSignedIn({ office: fakeOffice({ host: { displayLanguage: 'nl-BE' } }) });
    assert.ok(await screen.findByRole('textbox', { name: 'Mobiel nummer voor Bob Jansen' }));
    assert.ok(screen.getByRole('combobox', { name: 'Verificatie voor Bob Jansen' }));
    assert.ok(screen.getByRole('button', { name: 'Veilig versturen' }));
    assert.equal(document.documentElement.lang, 'nl');
  });

  it('show the first screen from the texts in the first bundle, and the signed-in screens once the language’s chunk is in', async () => {
    forgetMessages('nl');
    forgetMessages('en');
    renderPane({
      office: fakeOffice({ host: { displayLanguage: 'nl-NL' } }),
      startConfig: { ok: true, data: DEV_CONFIG },
      signIn: { known: true },
    });
    // At once, without the chunk: every text of the sign-in screen, none shown as its key.
    const section = screen.getByRole('region', { name: 'Aanmelden bij Sealpost' });
    assert.ok(within(section).getByText('Meld u aan om dit bericht te controleren en veilig te versturen.'));
    assert.ok(within(section).getByText('Ontwikkelaanmelding als Anna de Vries (anna@example.nl).'));
    for (const key of Object.keys(en)) assert.ok(!section.textContent?.includes(key), `${key} shown in place of its text`);
    assert.equal(loadedMessages('en'), undefined, 'only Outlook’s language is asked for');
    fireEvent.click(within(section).getByRole('button', { name: 'Aanmelden' }));
    assert.ok(await screen.findByText('Aangemeld als Anna de Vries'));
    assert.ok(loadedMessages('nl'));
    assert.equal(loadedMessages('en'), undefined);
  });

  it('say so when the language’s chunk cannot be loaded after sign-in, and load it on "Try again"', async () => {
    forgetMessages('en');
    let fail = true;
    const loadTexts = async () => {
      if (fail) throw new Error('offline');
      return en;
    };
    renderPane({ startConfig: { ok: true, data: DEV_CONFIG }, signIn: { known: true }, loadTexts });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    assert.ok(await screen.findByText(/The Sealpost service could not be reached/));
    assert.equal(screen.queryByText('Signed in as Anna de Vries'), null);
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    assert.ok(await screen.findByText('Signed in as Anna de Vries'));
  });

  it('are asked for at once while a silent sign-in runs, and only once the pane is idle behind the sign-in screen', async () => {
    forgetMessages('en');
    const asked: string[] = [];
    const loadTexts = async (locale: string) => (asked.push(locale), en);
    renderPane({ startConfig: { ok: true, data: DEV_CONFIG }, signIn: { kind: 'azure', silent: FAKE_SESSION }, loadTexts });
    assert.deepEqual(asked, ['en'], 'with the silent attempt, not after it');
    assert.ok(await screen.findByText('Signed in as Anna de Vries'));
    cleanup();

    asked.length = 0;
    renderPane({ startConfig: { ok: true, data: DEV_CONFIG }, signIn: { known: true }, loadTexts });
    assert.ok(screen.getByRole('button', { name: 'Sign in' }));
    assert.deepEqual(asked, [], 'not before the first screen is up');
    await waitFor(() => assert.deepEqual(asked, ['en']));
  });

  it('speak English to everyone else', async () => {
    renderPane({ office: fakeOffice({ host: { displayLanguage: 'de-DE' } }) });
    assert.ok(await screen.findByRole('button', { name: 'Sign in' }));
    assert.equal(document.documentElement.lang, 'en');
  });
});
