import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NOTICE_ITEMS } from './catalogue';
import { INVENTORY } from './inventory';
import { noticeText, privacyNotice, type Block, type PrivacyNotice } from './notice';
import { noticeHtml } from './notice-html';
import { field } from './field';
import type { ControllerConfig, InventoryRow, Locale } from './types';

const controller: ControllerConfig = {
  name: 'Zorggroep Voorbeeld B.V.',
  address: 'Voorbeeldlaan 12, 3511 AB Utrecht',
  dpoEmail: 'fg@zorggroep.example',
  contactEmail: 'privacy@zorggroep.example',
  processors: [
    { role: 'hosting', name: 'Voorbeeld Cloud B.V., Amsterdam (NL)' },
    { role: 'sms', name: 'Voorbeeld SMS B.V. (NL)' },
    { role: 'mail', name: 'Voorbeeld Mail B.V. (NL)' },
  ],
  logRetentionDays: 21,
  placeholders: [],
};

const tables = (n: PrivacyNotice) => n.sections.flatMap((s) => s.blocks).filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');

describe('privacy notice', () => {
  for (const locale of ['nl', 'en'] as Locale[]) {
    it(`names the controller, the DPO and where to send requests (${locale})`, () => {
      const notice = privacyNotice(locale, controller);
      const text = noticeText(notice);
      for (const value of [controller.name, controller.address, controller.dpoEmail, controller.contactEmail]) assert.ok(text.includes(value), value);
      const html = noticeHtml(notice);
      assert.ok(html.includes('href="mailto:fg@zorggroep.example"'));
      assert.ok(html.includes('href="mailto:privacy@zorggroep.example"'));
    });

    it(`lists every item of personal data the inventory declares (${locale})`, () => {
      const text = noticeText(privacyNotice(locale, controller));
      const items = new Set(INVENTORY.filter((r) => r.item && !r.developmentOnly).map((r) => r.item!));
      for (const item of items) assert.ok(text.includes(NOTICE_ITEMS[item][locale]), `${item} is missing`);
    });

    it(`names each processor and what the SMS and mail providers receive (${locale})`, () => {
      const text = noticeText(privacyNotice(locale, controller));
      for (const p of controller.processors) assert.ok(text.includes(p.name), p.name);
      const sms = text.split('\n').find((l) => l.includes('Voorbeeld SMS B.V.'))!;
      assert.match(sms, locale === 'nl' ? /mobiel nummer/ : /mobile number/);
    });

    it(`tells how long logs are kept, from the configuration (${locale})`, () => {
      assert.match(noticeText(privacyNotice(locale, controller)), locale === 'nl' ? /21 dagen/ : /21 days/);
    });
  }

  it('promises the rights, the 48-hour answer and the complaint route to the Autoriteit Persoonsgegevens', () => {
    const nl = noticeText(privacyNotice('nl', controller));
    for (const word of ['Inzage', 'Correctie', 'Verwijdering', 'Bezwaar', 'toestemming', 'Overdraagbaarheid', '48 uur', 'Autoriteit Persoonsgegevens']) {
      assert.ok(nl.includes(word), word);
    }
    const en = noticeText(privacyNotice('en', controller));
    for (const word of ['Access', 'Rectification', 'Erasure', 'Objection', 'withdraw consent', 'Portability', '48 hours', 'Autoriteit Persoonsgegevens']) {
      assert.ok(en.includes(word), word);
    }
    assert.ok(noticeHtml(privacyNotice('nl', controller)).includes('href="https://autoriteitpersoonsgegevens.nl/"'));
  });

  it('says that the service cannot read message contents', () => {
    assert.match(noticeText(privacyNotice('nl', controller)), /kunnen wij uw berichten niet lezen/);
    assert.match(noticeText(privacyNotice('en', controller)), /we cannot read your messages/);
  });

  it('has the same sections and table rows in Dutch and English', () => {
    const nl = privacyNotice('nl', controller);
    const en = privacyNotice('en', controller);
    assert.deepEqual(nl.sections.map((s) => s.id), en.sections.map((s) => s.id));
    assert.deepEqual(tables(nl).map((t) => t.rows.length), tables(en).map((t) => t.rows.length));
  });

  it('follows the inventory: a newly declared item appears and a removed one disappears', () => {
    const phoneless = INVENTORY.filter((r) => r.item !== 'phone' && r.item !== 'phone-book');
    const text = noticeText(privacyNotice('en', controller, phoneless));
    assert.ok(!text.includes(NOTICE_ITEMS.phone.en));
    const extra: InventoryRow = { id: 'db.recipients.fax', location: 'database', key: 'recipients.fax', table: 'recipients', column: 'fax', ...field('C', 'recipient-access', 'message', 'clear', 'Fax', { item: 'phone' }) };
    const withFax = noticeText(privacyNotice('en', controller, [...phoneless, extra]));
    assert.ok(withFax.includes(NOTICE_ITEMS.phone.en));
  });

  it('says no other party processes data when no processor is configured', () => {
    const text = noticeText(privacyNotice('en', { ...controller, processors: [] }));
    assert.match(text, /We use no other parties/);
    assert.doesNotMatch(text, /article 46/);
  });

  it('warns at the top while example values are in use, and only then', () => {
    assert.equal(privacyNotice('nl', controller).warning, null);
    const warned = privacyNotice('en', { ...controller, placeholders: ['SEALPOST_CONTROLLER_NAME'] });
    assert.match(warned.warning!, /SEALPOST_CONTROLLER_NAME/);
    assert.ok(noticeHtml(warned).includes('class="warning"'));
  });

  it('leaves development outboxes out of the notice', () => {
    const text = noticeText(privacyNotice('en', controller));
    assert.doesNotMatch(text, /outbox/i);
  });
});

describe('privacy notice page', () => {
  it('escapes configured values instead of rendering them as markup', () => {
    const html = noticeHtml(privacyNotice('en', { ...controller, name: '<script>alert(1)</script>', contactEmail: 'a"b@x.example' }));
    assert.ok(!html.includes('<script'));
    assert.ok(html.includes('&lt;script&gt;'));
    assert.ok(html.includes('mailto:a&quot;b@x.example'));
  });

  it('is a complete page with a language, a title, headings, table headers and a switch to the other language', () => {
    const html = noticeHtml(privacyNotice('nl', controller));
    assert.match(html, /^<!doctype html><html lang="nl">/);
    assert.match(html, /<title>Privacyverklaring Sealpost<\/title>/);
    assert.equal((html.match(/<h1>/g) ?? []).length, 1);
    assert.ok((html.match(/<h2 id="/g) ?? []).length >= 8);
    assert.ok(html.includes('<th scope="col">'));
    assert.ok(html.includes('<th scope="row">'));
    assert.ok(html.includes('<a href="/privacy?lang=en" hreflang="en" lang="en">English</a>'));
    assert.ok(!/<script|<img|<link rel="stylesheet"|https?:\/\/(?!autoriteitpersoonsgegevens)/.test(html.replace(/href="mailto:[^"]*"/g, '')));
  });
});
