import 'global-jsdom/register';
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cleanup, screen } from '@testing-library/react';
import { fakeOffice, renderPane, renderSignedIn } from '../test-support';
import { en } from './en';
import type { MessageKey } from './messages';
import { nl } from './nl';

afterEach(cleanup);

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

  it('speak English to everyone else', async () => {
    renderPane({ office: fakeOffice({ host: { displayLanguage: 'de-DE' } }) });
    assert.ok(await screen.findByRole('button', { name: 'Sign in' }));
    assert.equal(document.documentElement.lang, 'en');
  });
});
