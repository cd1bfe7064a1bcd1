import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalise } from './normalise';

const text = (html: string): string => normalise(html, { html: true }).text;

test('removes inline tags without a trace, so a number split by tags stays one number', () => {
  assert.equal(text('BSN <b>111</b><span style="x">222</span>333'), 'BSN 111222333');
});

test('separates block elements and line breaks with a space', () => {
  assert.equal(text('<p>Naam</p><p>Jan</p>een<br>twee<td>drie</td>'), ' Naam  Jan een twee drie ');
});

test('decodes named, decimal and hexadecimal character references', () => {
  assert.equal(text('caf&eacute; &amp; &#49;&#x32;3 &euro;&nbsp;5 &lt;x&gt; &#128512;'), 'café & 123 €\u00a05 <x> 😀');
});

test('leaves unknown or unterminated references and stray angle brackets as text', () => {
  assert.equal(text('a &bogus; b & c &amp d < e'), 'a &bogus; b & c & d < e');
});

test('skips comments, conditional comments, scripts and styles', () => {
  const html = '<style>p{}/* 111222333 */</style><!--[if mso]><xml>123456782</xml><![endif]--><script>var a = "<p>1</p>";</script>ok';
  assert.equal(text(html), 'ok');
});

test('does not end a tag at a > inside a quoted attribute value', () => {
  assert.equal(text('<a title="a > b" href=\'x>y\'>link</a>'), 'link');
});

test('treats an unterminated tag as the end of the text, as browsers do', () => {
  assert.equal(text('visible <span class="x'), 'visible ');
});

test('needs no DOM: works with no document or DOMParser in scope', () => {
  assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
  assert.equal(text('<div>x</div>'), ' x ');
});
