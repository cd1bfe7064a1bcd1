import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { recordOfProcessing } from './record';
import { INVENTORY } from './inventory';

const DOC = new URL('../../../docs/privacy.md', import.meta.url);

describe('record of processing', () => {
  it('is committed as docs/privacy.md exactly as the inventory generates it (npm run docs:privacy)', () => {
    assert.equal(readFileSync(DOC, 'utf8'), recordOfProcessing(), 'docs/privacy.md is out of date: run npm run docs:privacy');
  });

  it('lists every declared field with its retention rule', () => {
    const record = recordOfProcessing();
    for (const r of INVENTORY) {
      const name = r.column ?? r.key;
      const line = record.split('\n').find((l) => l.startsWith(`| \`${name.replace(/\|/g, '\\|')}\` |`) && l.includes(` ${r.retention} |`));
      assert.ok(line, `${r.id} is missing from the record`);
    }
  });

  it('names the legal basis of every purpose and the article 30 headings', () => {
    const record = recordOfProcessing();
    for (const heading of ['Purposes and legal bases', 'Categories of data subjects', 'Recipients of personal data', 'Transfers to third countries', 'Retention', 'Security measures']) {
      assert.ok(record.includes(`## ${heading}`), heading);
    }
    assert.match(record, /GDPR art\. 6\(1\)\(b\)/);
    assert.match(record, /GDPR art\. 6\(1\)\(f\)/);
  });
});
