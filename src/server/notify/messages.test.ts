import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CODE_VALIDITY_MINUTES, codeEmail, codeSms, escapeHtml, messageWaitingEmail, type Locale } from './messages';
import { gsm7Length, isGsm7 } from './gsm7';

const LOCALES: Locale[] = ['nl', 'en'];

test('fits the code SMS in one GSM-7 segment in every locale', () => {
  for (const locale of LOCALES) {
    const text = codeSms(locale, '987654');
    assert.ok(isGsm7(text), `${locale} uses only GSM-7 characters`);
    assert.ok((gsm7Length(text) ?? Infinity) <= 160, `${locale} is at most 160 septets`);
  }
});

test('names the service, states the code and its validity, and carries no link in the SMS', () => {
  for (const locale of LOCALES) {
    const text = codeSms(locale, '987654');
    assert.ok(text.startsWith('Sealpost'));
    assert.ok(text.includes('987654'));
    assert.ok(text.includes(`${CODE_VALIDITY_MINUTES} min`));
    assert.doesNotMatch(text, /https?:|www\.|\.(nl|com|org|eu)\b/i);
  }
});

test('writes Dutch for nl and English for en', () => {
  assert.match(codeSms('nl', '111111'), /verificatiecode/);
  assert.match(codeSms('en', '111111'), /verification code/);
  assert.match(codeEmail('nl', '111111').subject, /verificatiecode/);
  assert.match(codeEmail('en', '111111').subject, /verification code/);
  assert.match(messageWaitingEmail('nl', { senderName: 'Anne', url: 'https://s.example/m/x' }).subject, /beveiligd bericht/);
});

test('puts the code, its validity and the never-asked warning in the e-mail, but not in the subject', () => {
  for (const locale of LOCALES) {
    const mail = codeEmail(locale, '246810');
    assert.ok(!mail.subject.includes('246810'), 'lock-screen previews do not show the code');
    for (const part of [mail.text, mail.html]) {
      assert.ok(part.includes('246810'));
      assert.ok(part.includes(`${CODE_VALIDITY_MINUTES} minut`));
      assert.match(part, locale === 'nl' ? /vragen nooit naar deze code/ : /never ask you for this code/);
    }
    assert.match(mail.html, new RegExp(`^<!doctype html><html lang="${locale}">`));
    assert.doesNotMatch(mail.html, /<script|<img|href=/i);
  }
});

test('refuses anything but a six-digit code, so no template can carry other content', () => {
  for (const code of ['12345', '1234567', 'abcdef', '<b>1</b>']) {
    assert.throws(() => codeSms('en', code));
    assert.throws(() => codeEmail('nl', code));
  }
});

test('escapes the sender name in the waiting-message HTML and keeps line breaks out of the subject', () => {
  const mail = messageWaitingEmail('en', { senderName: 'Eve <script>x</script>\r\nBcc: evil@example.org', url: 'https://s.example/m/abc#secret' });
  assert.ok(!mail.html.includes('<script>'));
  assert.ok(mail.html.includes('Eve &lt;script&gt;x&lt;/script&gt;'));
  assert.doesNotMatch(mail.subject, /[\r\n]/);
  assert.ok(mail.html.includes('href="https://s.example/m/abc#secret"'));
  assert.ok(mail.text.includes('https://s.example/m/abc#secret'));
});

test('refuses a waiting-message link that is not http or https', () => {
  assert.throws(() => messageWaitingEmail('en', { senderName: 'Anne', url: 'javascript:alert(1)' }));
});

test('escapes the five HTML-significant characters', () => {
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
});

test('counts GSM-7 extension characters twice and rejects characters outside the alphabet', () => {
  assert.equal(gsm7Length('abc'), 3);
  assert.equal(gsm7Length('€[]'), 6);
  assert.equal(gsm7Length('ç'), undefined, 'lower-case c-cedilla is not in the default alphabet');
  assert.equal(isGsm7('é ü ß'), true);
  assert.equal(isGsm7('“quoted”'), false);
});
