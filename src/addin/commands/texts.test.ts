import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cancelLabel, localeOf, MAX_LABEL, MAX_MESSAGE, stopMessage, uncheckedMessage } from './texts';

describe('the Smart Alerts texts', () => {
  it('speaks Dutch for any Dutch display language and English otherwise', () => {
    assert.deepEqual(['nl-NL', 'nl-BE', 'NL', 'nl', 'en-US', 'de-DE', '', undefined].map(localeOf), ['nl', 'nl', 'nl', 'nl', 'en', 'en', 'en', 'en']);
  });

  it('drops reasons from the end until the message and its Markdown fit in 500 characters', () => {
    const reasons = Array.from({ length: 30 }, (_, i) => `Contains text matching “pattern number ${i} with a long name”.`);
    for (const locale of ['nl', 'en'] as const) {
      const { text, markdown } = stopMessage('require', reasons, locale);
      assert.ok(text.length <= MAX_MESSAGE && markdown.length <= MAX_MESSAGE);
      assert.ok(text.includes('pattern number 0'), 'the strongest reasons stay');
      assert.ok(text.endsWith(locale === 'nl' ? 'haal de gevoelige inhoud weg.' : 'remove the sensitive content.'), 'the way out is always said');
    }
  });

  it('keeps a custom pattern name from turning into Markdown', () => {
    const { markdown } = stopMessage('secure', ['Contains text matching “[click](https://evil.example) *now*”.'], 'en');
    assert.ok(!markdown.includes('](') && !markdown.includes('*now*'));
  });

  it('keeps labels within 20 characters and the could-not-check text within 500', () => {
    for (const locale of ['nl', 'en'] as const) {
      assert.ok(cancelLabel(locale).length <= MAX_LABEL);
      assert.ok(uncheckedMessage(locale).length <= MAX_MESSAGE);
    }
  });
});
