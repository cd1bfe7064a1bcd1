import 'global-jsdom/register';
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { fakeServices, renderPortal } from '../test-support';
import { en } from './en';
import { LOCALE_STORAGE_KEY } from './I18nProvider';
import { formatMessage, pickLocale, type MessageKey } from './messages';
import { nl } from './nl';

afterEach(cleanup);

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value), values };
}

const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

describe('translations', () => {
  it('give every English text a Dutch one with the same placeholders', () => {
    const keys = Object.keys(en) as MessageKey[];
    assert.deepEqual(Object.keys(nl).sort(), [...keys].sort());
    for (const key of keys) {
      assert.ok(nl[key].trim(), `nl.${key} is empty`);
      assert.deepEqual(placeholders(nl[key]), placeholders(en[key]), `placeholders of ${key}`);
    }
  });

  it('fill placeholders and leave unknown ones visible', () => {
    assert.equal(formatMessage('Download {name}', { name: 'a.pdf' }), 'Download a.pdf');
    assert.equal(formatMessage('{count} of {total}', { count: 1 }), '1 of {total}');
  });

  it('follow the browser\u2019s languages, then English, unless the recipient chose', () => {
    assert.equal(pickLocale(['nl-NL', 'en-US'], null), 'nl');
    assert.equal(pickLocale(['de-DE', 'en-GB', 'nl'], null), 'en');
    assert.equal(pickLocale(['NL-be'], null), 'nl');
    assert.equal(pickLocale(['fr-FR'], null), 'en');
    assert.equal(pickLocale([], null), 'en');
    assert.equal(pickLocale(['en-US'], 'nl'), 'nl');
    assert.equal(pickLocale(['nl'], 'klingon'), 'nl');
  });
});

describe('language switch', () => {
  it('starts in Dutch for a Dutch browser', async () => {
    renderPortal(fakeServices({ languages: ['nl-NL', 'en'] }));
    assert.ok(await screen.findByRole('heading', { name: 'Bevestig uw e-mailadres' }));
    assert.ok(screen.getByRole('textbox', { name: 'E-mailadres' }));
    assert.ok(screen.getByRole('button', { name: 'Doorgaan' }));
    assert.equal(document.documentElement.lang, 'nl');
  });

  it('switches the whole page, and remembers the choice', async () => {
    const storage = memoryStorage();
    renderPortal(fakeServices({ languages: ['en-GB'], storage }));
    await screen.findByRole('heading', { name: 'Confirm your e-mail address' });

    fireEvent.click(screen.getByRole('button', { name: 'Nederlands' }));
    assert.ok(screen.getByRole('heading', { name: 'Bevestig uw e-mailadres' }));
    assert.ok(screen.getByRole('link', { name: 'Privacyverklaring' }));
    assert.equal(storage.values.get(LOCALE_STORAGE_KEY), 'nl');
    assert.equal(document.documentElement.lang, 'nl');

    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    assert.ok(screen.getByRole('heading', { name: 'Confirm your e-mail address' }));
    assert.equal(storage.values.get(LOCALE_STORAGE_KEY), 'en');
  });

  it('uses a remembered choice over the browser\u2019s languages', async () => {
    renderPortal(fakeServices({ languages: ['en-GB'], storage: memoryStorage({ [LOCALE_STORAGE_KEY]: 'nl' }) }));
    assert.ok(await screen.findByRole('heading', { name: 'Bevestig uw e-mailadres' }));
  });

  it('still switches when storage refuses to remember', async () => {
    const refusing = { getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('blocked'); } };
    renderPortal(fakeServices({ languages: ['en'], storage: refusing }));
    fireEvent.click(await screen.findByRole('button', { name: 'Nederlands' }));
    assert.ok(screen.getByRole('heading', { name: 'Bevestig uw e-mailadres' }));
  });
});
