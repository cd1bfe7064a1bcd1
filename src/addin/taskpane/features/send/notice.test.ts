import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { en } from '../../i18n/en';
import { createI18n } from '../../i18n/I18nProvider';
import { nl } from '../../i18n/nl';
import { noticeHtml } from './notice';

const input = {
  sender: { name: 'Anna <b>de</b> Vries', email: 'anna@example.nl' },
  link: 'https://sealpost.example/m/MMMMMMMMMMMMMMMMMMMMMM#x"y',
  expiresAt: '2030-05-01T12:00:00.000Z',
};

describe('the notice in the e-mail', () => {
  it('escapes whatever the sender name and link contain', () => {
    const html = noticeHtml(createI18n('en', en), input);
    assert.ok(html.includes('Anna &lt;b&gt;de&lt;/b&gt; Vries'));
    assert.ok(html.includes('href="https://sealpost.example/m/MMMMMMMMMMMMMMMMMMMMMM#x&quot;y"'));
    assert.ok(!html.includes('<b>de</b>'));
  });

  it('is written in the sender’s language', () => {
    const html = noticeHtml(createI18n('nl', nl), input);
    assert.ok(html.includes('heeft u een beveiligd bericht gestuurd.'));
    assert.ok(html.includes('beschikbaar tot 1 mei 2030'));
  });
});
