// The offline structural check of manifest.xml. Microsoft's validator is an online service, so
// this suite is what keeps the manifest installable in CI: the first block checks the real
// manifest rule by rule, the second proves each rule catches the mistake it exists for.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OfficeAddinManifest } from 'office-addin-manifest';
import { ADDIN_ID } from '../src/addin/manifest-urls';
import { checkManifest, type CheckContext, type RuleName } from '../scripts/manifest-check';
import { COMMANDS_DIR, REPO_ROOT, assetReader, findAssociations } from '../scripts/manifest-sources';

const MANIFEST = join(REPO_ROOT, 'manifest.xml');
const xml = readFileSync(MANIFEST, 'utf8');
const context: CheckContext = { readAsset: assetReader() };

function messages(source: string, rule: RuleName, ctx: CheckContext = context): string[] {
  return checkManifest(source, ctx).filter((f) => f.rule === rule).map((f) => f.message);
}

/** `xml` with one exact piece replaced; fails loudly when the piece is gone, so no test passes vacuously. */
function mutate(from: string, to: string, source = xml): string {
  assert.ok(source.includes(from), `the manifest no longer contains ${JSON.stringify(from)}`);
  return source.replace(from, to);
}

describe('manifest.xml', () => {
  const rules: Array<[RuleName, string]> = [
    ['parse', 'is well-formed XML'],
    ['root', 'has the OfficeApp MailApp root with the appforoffice, xsi, bt and mailappor namespaces'],
    ['order', 'keeps every element in the order the schema demands'],
    ['required', 'has every element and value the schema requires'],
    ['resid', 'resolves every resid to a resource of the right kind and uses every resource'],
    ['length', 'keeps short strings within 125 and long strings within 250 characters, Dutch texts included'],
    ['icons', 'points at icon files that exist as PNGs of the pixel sizes the manifest states'],
    ['https', 'uses https for every URL'],
    ['runtime', 'runs the launch events in the runtime that carries the JavaScript override for classic Outlook'],
    ['sendmode', 'declares OnMessageSend once, in SoftBlock mode, with send modes only on send events'],
    ['itemedit', 'puts no RequestedHeight under the compose form'],
    ['ids', 'uses each control, group, resource and launch event only once'],
    ['size', 'stays under the 256 KB that Exchange installs'],
    ['contract', 'keeps the agreed id, paths, handler names, button id, compose-only rules and Dutch texts'],
  ];
  for (const [rule, sentence] of rules) {
    test(sentence, () => assert.deepEqual(messages(xml, rule), []));
  }

  test('declares exactly the handlers the commands source associates, and the source associates no others', () => {
    const associations = findAssociations();
    const problems = messages(xml, 'handlers', { associations });
    assert.deepEqual(problems, [], `${COMMANDS_DIR} and manifest.xml disagree:\n${problems.join('\n')}`);
  });

  test('is read by office-addin-manifest as a mail add-in with the agreed id', async () => {
    const info = await OfficeAddinManifest.readManifestFile(MANIFEST);
    assert.equal(info.officeAppType, 'MailApp');
    assert.equal(info.id, ADDIN_ID);
    assert.equal(info.providerName, 'Sealpost');
    assert.equal(info.permissions, 'ReadWriteMailbox');
    assert.deepEqual(info.hosts, ['Mailbox']);
  });
});

describe('the manifest check', () => {
  test('reports XML that is not well formed', () => {
    assert.equal(messages(mutate('</OfficeApp>', '</OfficeAp>'), 'parse').length, 1);
  });

  test('reports a wrong root type or a namespace on https', () => {
    assert.ok(messages(mutate('xsi:type="MailApp"', 'xsi:type="TaskPaneApp"'), 'root').length);
    assert.ok(messages(mutate('xmlns:xsi="http://www.w3.org', 'xmlns:xsi="https://www.w3.org'), 'root').length);
  });

  test('reports elements out of schema order and elements that are missing', () => {
    const swapped = mutate('<Version>1.0.0.0</Version>\n  <ProviderName>Sealpost</ProviderName>', '<ProviderName>Sealpost</ProviderName>\n  <Version>1.0.0.0</Version>');
    assert.match(messages(swapped, 'order').join(), /Version is out of order/);
    assert.match(messages(mutate('<SupportUrl DefaultValue="https://localhost:3000/support"/>', ''), 'required').join(), /has no SupportUrl/);
  });

  test('reports a resid that names no resource, one of the wrong kind, and a resource nobody uses', () => {
    assert.match(messages(mutate('<Label resid="OpenPane.Label"/>', '<Label resid="OpenPane.Lable"/>'), 'resid').join(), /names no resource/);
    assert.match(messages(mutate('<Title resid="OpenPane.Title"/>', '<Title resid="OpenPane.Tooltip"/>'), 'resid').join(), /needs one from ShortStrings/);
    assert.match(messages(mutate('<bt:LongStrings>', '<bt:LongStrings><bt:String id="Spare" DefaultValue="x"><bt:Override Locale="nl-NL" Value="x"/></bt:String>'), 'resid').join(), /"Spare".*never used/);
  });

  test('reports a short string over 125 and a Dutch long string over 250 characters', () => {
    assert.ok(messages(mutate('DefaultValue="Send securely"', `DefaultValue="${'a'.repeat(126)}"`), 'length').length);
    assert.ok(messages(mutate('Value="Controleer dit bericht', `Value="${'b'.repeat(251)}`), 'length').length);
    assert.deepEqual(messages(mutate('DefaultValue="Send securely"', `DefaultValue="${'a'.repeat(125)}"`), 'length'), []);
  });

  test('reports an icon file that is missing or has other pixel sizes than the manifest states', () => {
    const icon32 = readFileSync(join(REPO_ROOT, 'assets', 'icon-32.png'));
    assert.match(messages(xml, 'icons', { readAsset: () => icon32 }).join(), /icon-16\.png is 32 x 32, the manifest says 16 x 16/);
    assert.match(messages(xml, 'icons', { readAsset: () => undefined }).join(), /no file for \/assets\/icon-64\.png/);
  });

  test('reports a plain http URL', () => {
    assert.ok(messages(mutate('DefaultValue="https://localhost:3000/support"', 'DefaultValue="http://localhost:3000/support"'), 'https').length);
  });

  test('reports launch events outside the runtime and a runtime without the JavaScript override', () => {
    assert.ok(messages(mutate('<SourceLocation resid="WebViewRuntime.Url"/>', '<SourceLocation resid="Commands.Url"/>'), 'runtime').length);
    assert.match(messages(mutate('<Override type="javascript" resid="JSRuntime.Url"/>', ''), 'runtime').join(), /Override type="javascript"/);
  });

  test('reports an unknown send mode and OnMessageSend in any mode but SoftBlock', () => {
    assert.match(messages(mutate('SendMode="SoftBlock"', 'SendMode="Hard"'), 'sendmode').join(), /not one of PromptUser, SoftBlock, Block/);
    assert.match(messages(mutate('SendMode="SoftBlock"', 'SendMode="Block"'), 'sendmode').join(), /must state SendMode="SoftBlock"/);
  });

  test('reports RequestedHeight under the compose form', () => {
    const withHeight = mutate('<SourceLocation DefaultValue="https://localhost:3000/addin/taskpane.html"/>', '<SourceLocation DefaultValue="https://localhost:3000/addin/taskpane.html"/><RequestedHeight>250</RequestedHeight>');
    assert.equal(messages(withHeight, 'itemedit').length, 1);
  });

  test('reports ids used twice', () => {
    assert.match(messages(mutate('<Group id="SealpostComposeGroup">', '<Group id="SealpostOpenPaneButton">'), 'ids').join(), /used by both Group and Control/);
  });

  test('reports a manifest over 256 KB', () => {
    assert.equal(messages(mutate('<OfficeApp ', `<!-- ${'x'.repeat(256 * 1024)} -->\n<OfficeApp `), 'size').length, 1);
  });

  test('reports a changed button id, handler name or add-in id as a broken agreement', () => {
    assert.match(messages(mutate('id="SealpostOpenPaneButton"', 'id="OpenPane"'), 'contract').join(), /SealpostOpenPaneButton/);
    assert.match(messages(mutate('FunctionName="onMessageSendHandler"', 'FunctionName="onSend"'), 'contract').join(), /LaunchEvents must be exactly/);
    assert.match(messages(mutate(ADDIN_ID, '00000000-0000-4000-8000-000000000000'), 'contract').join(), /Id must stay/);
  });

  test('reports handlers the commands source does not associate, and associations the manifest lacks', () => {
    const found = messages(xml, 'handlers', { associations: { names: ['onMessageSendHandler', 'onSomethingElse'], problems: [] } });
    assert.match(found.join('\n'), /does not call Office\.actions\.associate for: onNewMessageComposeHandler, onRecipientsChangedHandler/);
    assert.match(found.join('\n'), /does not declare: onSomethingElse/);
  });
});

describe('reading associations from the commands source', () => {
  function withSource(files: Record<string, string>, run: (root: string) => void): void {
    const root = mkdtempSync(join(tmpdir(), 'sealpost-commands-'));
    try {
      mkdirSync(join(root, COMMANDS_DIR), { recursive: true });
      for (const [name, text] of Object.entries(files)) writeFileSync(join(root, COMMANDS_DIR, name), text);
      run(root);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }

  test('finds names given as literals and as constants, and ignores test files', () => {
    const source = [
      'declare const Office: { actions: { associate(name: string, fn: () => void): void } };',
      "const NAMES = { send: 'onMessageSendHandler' } as const;",
      'Office.actions.associate(NAMES.send, () => {});',
      "Office.actions.associate('onNewMessageComposeHandler', () => {});",
    ].join('\n');
    withSource({ 'launchevent.ts': source, 'launchevent.test.ts': "Office.actions.associate('fromATest', () => {});" }, (root) => {
      assert.deepEqual(findAssociations(root), { names: ['onMessageSendHandler', 'onNewMessageComposeHandler'], problems: [] });
    });
  });

  test('reports a name only known at run time, with its file and line', () => {
    const source = 'declare const Office: any;\nconst name: string = String(Date.now());\nOffice.actions.associate(name, () => {});';
    withSource({ 'launchevent.ts': source }, (root) => {
      assert.match(findAssociations(root).problems.join(), /launchevent\.ts:3: the name given to associate is not a string known at build time/);
    });
  });

  test('says plainly when there is no commands source at all', () => {
    const root = mkdtempSync(join(tmpdir(), 'sealpost-empty-'));
    try {
      assert.match(findAssociations(root).problems.join(), /has no TypeScript source yet/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
