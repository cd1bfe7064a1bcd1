/**
 * The offline structural check of the XML manifest. The official validator is an online service
 * and the published XSDs predate Runtimes and LaunchEvent, so this encodes what the schema and the
 * manifest reference demand (element order, required parts, resource references, string limits,
 * HTTPS, the event runtime wiring) plus Sealpost's own agreements (manifest-contract.ts).
 * `npm run validate`, `npm run build:manifest` and test/manifest.test.ts all run it.
 */
import { MANIFEST_MAX_BYTES } from '../src/addin/manifest-urls';
import { checkContract } from './manifest-contract';
import { checkOrder } from './manifest-order';
import { NS, all, charCount, child, kids, parseXml, pngSize, where, xsiType, type Finding, type Resource, type ResourceKind } from './manifest-xml';

export type { Finding, RuleName } from './manifest-xml';

/** What the commands source passes to `Office.actions.associate`, and what could not be read. */
export interface Associations {
  names: string[];
  problems: string[];
}

export interface CheckContext {
  /** The bytes served at a manifest URL's path (such as `/assets/icon-16.png`), if there is such a file. */
  readAsset?: (urlPath: string) => Uint8Array | undefined;
  /** Without it, the handler cross-check is left out (building a manifest needs no handler source). */
  associations?: Associations;
}

// Which kind of resource an element's resid must name.
const RESID_KIND: Record<string, ResourceKind> = {
  Image: 'Images',
  SourceLocation: 'Urls',
  FunctionFile: 'Urls',
  Runtime: 'Urls',
  Override: 'Urls',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Description: 'LongStrings',
};
const LIMITS = { ShortStrings: 125, LongStrings: 250, DisplayName: 125, Description: 250 } as const;
const SEND_MODES = new Set(['PromptUser', 'SoftBlock', 'Block']);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function checkManifest(xml: string, ctx: CheckContext = {}): Finding[] {
  const out: Finding[] = [];
  const bytes = new TextEncoder().encode(xml).byteLength;
  if (bytes > MANIFEST_MAX_BYTES) out.push({ rule: 'size', message: `The manifest is ${bytes} bytes; Exchange installs at most ${MANIFEST_MAX_BYTES}.` });
  const parsed = parseXml(xml);
  if ('error' in parsed) return [...out, { rule: 'parse', message: `The manifest is not well-formed XML: ${parsed.error}` }];
  const root = parsed.doc.documentElement;
  if (!checkRoot(root, out)) return out;
  checkOrder(root, out);
  checkRequiredValues(root, out);
  const inner = innerOverrides(root);
  const resources = inner ? readResources(inner, out) : new Map<string, Resource>();
  if (inner) checkResids(inner, resources, out);
  checkLengths(root, resources, out);
  checkHttps(parsed.doc, out);
  if (inner) checkRuntime(inner, resources, out);
  checkLaunchEvents(root, out);
  for (const height of all(root, 'RequestedHeight', NS.app)) {
    if (height.parentElement?.parentElement && xsiType(height.parentElement.parentElement) === 'ItemEdit') {
      out.push({ rule: 'itemedit', message: `${where(height)}: an ItemEdit form allows only SourceLocation; RequestedHeight fails schema validation.` });
    }
  }
  checkIds(root, out);
  if (ctx.readAsset) checkIcons(root, resources, ctx.readAsset, out);
  if (ctx.associations) checkHandlers(root, ctx.associations, out);
  checkContract(root, resources, out);
  return out;
}

function checkRoot(root: Element, out: Finding[]): boolean {
  const problems: string[] = [];
  if (root.localName !== 'OfficeApp' || root.namespaceURI !== NS.app) problems.push(`the root must be OfficeApp in ${NS.app}, not ${root.localName} in ${root.namespaceURI}`);
  if (xsiType(root) !== 'MailApp') problems.push(`the root's xsi:type must be MailApp, not ${xsiType(root)}`);
  for (const [prefix, uri] of [['xsi', NS.xsi], ['bt', NS.bt], ['mailappor', NS.mailappor]] as const) {
    if (root.getAttribute(`xmlns:${prefix}`) !== uri) problems.push(`xmlns:${prefix} must be "${uri}", not "${root.getAttribute(`xmlns:${prefix}`)}"`);
  }
  const outer = child(root, 'VersionOverrides', NS.vo10);
  if (outer && xsiType(outer) !== 'VersionOverridesV1_0') problems.push('the outer VersionOverrides must have xsi:type VersionOverridesV1_0');
  const inner = outer && child(outer, 'VersionOverrides', NS.vo11);
  if (inner && xsiType(inner) !== 'VersionOverridesV1_1') problems.push('the inner VersionOverrides must have xsi:type VersionOverridesV1_1');
  for (const p of problems) out.push({ rule: 'root', message: p });
  return root.localName === 'OfficeApp' && root.namespaceURI === NS.app;
}

function innerOverrides(root: Element): Element | undefined {
  const outer = child(root, 'VersionOverrides', NS.vo10);
  return outer && child(outer, 'VersionOverrides', NS.vo11);
}

function checkRequiredValues(root: Element, out: Finding[]): void {
  const need = (ok: boolean, message: string) => ok || out.push({ rule: 'required', message });
  const text = (name: string) => child(root, name, NS.app)?.textContent?.trim() ?? '';
  need(GUID.test(text('Id')), `Id must be a GUID, not "${text('Id')}".`);
  need(/^\d{1,5}(\.\d{1,5}){0,3}$/.test(text('Version')), `Version must look like 1.0.0.0, not "${text('Version')}".`);
  for (const name of ['DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) {
    const el = child(root, name, NS.app);
    if (el) need(!!el.getAttribute('DefaultValue'), `${name} needs a DefaultValue.`);
  }
  for (const o of [...all(root, 'Override', NS.app), ...all(root, 'Override', NS.bt)]) {
    if (o.parentElement?.localName === 'Runtime') continue;
    need(!!o.getAttribute('Locale') && o.getAttribute('Value') !== null, `${where(o)} needs Locale and Value.`);
  }
  for (const el of all(root, 'SourceLocation', NS.app)) need(!!el.getAttribute('DefaultValue'), `${where(el)} needs a DefaultValue.`);
  for (const el of all(root, 'LaunchEvent', NS.vo11)) {
    need(!!el.getAttribute('Type') && !!el.getAttribute('FunctionName'), `${where(el)} needs Type and FunctionName.`);
  }
  for (const name of ['Control', 'Group']) {
    for (const el of all(root, name, NS.vo11)) need(!!el.getAttribute('id'), `${where(el)} needs an id.`);
  }
}

function readResources(inner: Element, out: Finding[]): Map<string, Resource> {
  const map = new Map<string, Resource>();
  const resources = child(inner, 'Resources', NS.vo11);
  for (const group of resources ? kids(resources) : []) {
    const kind = group.localName as ResourceKind;
    for (const el of kids(group)) {
      const id = el.getAttribute('id') ?? '';
      if (!id || el.getAttribute('DefaultValue') === null) out.push({ rule: 'required', message: `${where(el)} needs an id and a DefaultValue.` });
      if (map.has(id)) out.push({ rule: 'ids', message: `The resource id "${id}" is declared twice.` });
      map.set(id, { kind, element: el, value: el.getAttribute('DefaultValue') ?? '', used: false });
    }
  }
  return map;
}

function checkResids(inner: Element, resources: Map<string, Resource>, out: Finding[]): void {
  const resourcesEl = child(inner, 'Resources', NS.vo11);
  for (const el of Array.from(inner.getElementsByTagName('*'))) {
    const resid = el.getAttribute('resid');
    if (resid === null || (resourcesEl && resourcesEl.contains(el))) continue;
    const want = RESID_KIND[el.localName];
    const found = resources.get(resid);
    if (charCount(resid) > 32) out.push({ rule: 'resid', message: `${where(el)}: resid "${resid}" is longer than 32 characters.` });
    if (!want) out.push({ rule: 'resid', message: `${where(el)} has a resid, which this check does not know for ${el.localName}.` });
    else if (!found) out.push({ rule: 'resid', message: `${where(el)}: resid "${resid}" names no resource.` });
    else if (found.kind !== want) out.push({ rule: 'resid', message: `${where(el)}: resid "${resid}" is in ${found.kind}, but ${el.localName} needs one from ${want}.` });
    if (found) found.used = true;
  }
  for (const [id, r] of resources) if (!r.used) out.push({ rule: 'resid', message: `The resource "${id}" (${r.kind}) is never used.` });
}

function checkLengths(root: Element, resources: Map<string, Resource>, out: Finding[]): void {
  const limit = (label: string, max: number, values: string[]) => {
    for (const v of values) if (charCount(v) > max) out.push({ rule: 'length', message: `${label} is ${charCount(v)} characters; at most ${max} allowed: "${v}"` });
  };
  for (const name of ['DisplayName', 'Description'] as const) {
    const el = child(root, name, NS.app);
    if (el) limit(name, LIMITS[name], [el.getAttribute('DefaultValue') ?? '', ...kids(el).map((o) => o.getAttribute('Value') ?? '')]);
  }
  for (const [id, r] of resources) {
    if (r.kind !== 'ShortStrings' && r.kind !== 'LongStrings') continue;
    limit(`The ${r.kind} string "${id}"`, LIMITS[r.kind], [r.value, ...kids(r.element).map((o) => o.getAttribute('Value') ?? '')]);
  }
}

// Places that hold a URL: these must be absolute https URLs. Anything else that merely mentions
// http:// is caught by the scan of every attribute and text below.
const URL_HOLDERS = new Set(['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation', 'Image', 'Url', 'AppDomain']);

function checkHttps(doc: Document, out: Finding[]): void {
  for (const el of Array.from(doc.getElementsByTagName('*'))) {
    const holder = URL_HOLDERS.has(el.localName) || (el.localName === 'Override' && URL_HOLDERS.has(el.parentElement?.localName ?? ''));
    const values = Array.from(el.attributes).filter((a) => !a.name.startsWith('xmlns')).map((a) => a.value);
    if (el.children.length === 0 && el.textContent) values.push(el.textContent.trim());
    for (const v of values) {
      if (/\bhttp:\/\//i.test(v)) out.push({ rule: 'https', message: `${where(el)} uses plain http: "${v}".` });
    }
    if (!holder) continue;
    const urls = el.localName === 'AppDomain' ? [el.textContent?.trim() ?? ''] : [el.getAttribute('DefaultValue') ?? el.getAttribute('Value')].filter((v): v is string => v !== null);
    for (const v of urls) {
      if (!isHttpsUrl(v)) out.push({ rule: 'https', message: `${where(el)} must hold an absolute https URL, not "${v}".` });
    }
  }
}

export function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

function checkRuntime(inner: Element, resources: Map<string, Resource>, out: Finding[]): void {
  const fail = (message: string) => out.push({ rule: 'runtime', message });
  const runtimes = all(inner, 'Runtime', NS.vo11);
  const launch = all(inner, 'ExtensionPoint', NS.vo11).filter((e) => xsiType(e) === 'LaunchEvent');
  if (!launch.length) return;
  if (runtimes.length !== 1) return void fail(`Event-based activation needs exactly one Runtime (Outlook supports one), found ${runtimes.length}.`);
  const runtime = runtimes[0]!;
  const overrides = kids(runtime).filter((o) => o.localName === 'Override' && o.getAttribute('type') === 'javascript');
  if (overrides.length !== 1) fail('The Runtime needs exactly one <Override type="javascript"> for classic Outlook on Windows.');
  const js = overrides[0] && resources.get(overrides[0].getAttribute('resid') ?? '');
  if (js && !new URL(js.value, 'https://x/').pathname.endsWith('.js')) fail(`The JavaScript override must point at a .js file, not "${js.value}".`);
  for (const ep of launch) {
    const source = child(ep, 'SourceLocation', NS.vo11)?.getAttribute('resid');
    if (source !== runtime.getAttribute('resid')) fail(`The LaunchEvent SourceLocation resid "${source}" must equal the Runtime resid "${runtime.getAttribute('resid')}".`);
  }
}

function checkLaunchEvents(root: Element, out: Finding[]): void {
  const fail = (message: string) => out.push({ rule: 'sendmode', message });
  const events = all(root, 'LaunchEvent', NS.vo11);
  for (const ev of events) {
    const mode = ev.getAttribute('SendMode');
    const type = ev.getAttribute('Type') ?? '';
    if (mode !== null && !SEND_MODES.has(mode)) fail(`${where(ev)}: SendMode "${mode}" is not one of PromptUser, SoftBlock, Block.`);
    if (mode !== null && type !== 'OnMessageSend' && type !== 'OnAppointmentSend') fail(`${where(ev)}: SendMode only applies to the send events, not ${type}.`);
  }
  const send = events.filter((e) => e.getAttribute('Type') === 'OnMessageSend');
  if (send.length > 1) fail('An add-in may declare OnMessageSend only once.');
  // Marketplace rules forbid Block, and SoftBlock lets mail go when the add-in cannot load.
  for (const ev of send) if (ev.getAttribute('SendMode') !== 'SoftBlock') fail(`OnMessageSend must state SendMode="SoftBlock", not ${ev.getAttribute('SendMode') ?? 'nothing'}.`);
}

function checkIds(root: Element, out: Finding[]): void {
  const seen = new Map<string, string>();
  for (const name of ['Group', 'Control']) {
    for (const el of all(root, name, NS.vo11)) {
      const id = el.getAttribute('id') ?? '';
      if (charCount(id) > 125) out.push({ rule: 'ids', message: `${where(el)}: the id is longer than 125 characters.` });
      if (seen.has(id)) out.push({ rule: 'ids', message: `The id "${id}" is used by both ${seen.get(id)} and ${name}.` });
      seen.set(id, name);
    }
  }
  const types = all(root, 'LaunchEvent', NS.vo11).map((e) => e.getAttribute('Type'));
  for (const t of new Set(types)) if (types.filter((x) => x === t).length > 1) out.push({ rule: 'ids', message: `The LaunchEvent ${t} is declared more than once.` });
}

function checkIcons(root: Element, resources: Map<string, Resource>, readAsset: (p: string) => Uint8Array | undefined, out: Finding[]): void {
  const expect = (url: string, size: number, label: string) => {
    let path: string;
    try {
      path = new URL(url).pathname;
    } catch {
      return; // reported by the https rule
    }
    const bytes = readAsset(path);
    const got = bytes && pngSize(bytes);
    if (!bytes) out.push({ rule: 'icons', message: `${label}: no file for ${path}.` });
    else if (!got) out.push({ rule: 'icons', message: `${label}: ${path} is not a PNG.` });
    else if (got.width !== size || got.height !== size) out.push({ rule: 'icons', message: `${label}: ${path} is ${got.width} x ${got.height}, the manifest says ${size} x ${size}.` });
  };
  // Mail add-ins: IconUrl is 64 x 64, HighResolutionIconUrl 128 x 128.
  for (const [name, size] of [['IconUrl', 64], ['HighResolutionIconUrl', 128]] as const) {
    const el = child(root, name, NS.app);
    for (const url of el ? [el.getAttribute('DefaultValue') ?? '', ...kids(el).map((o) => o.getAttribute('Value') ?? '')] : []) expect(url, size, name);
  }
  for (const img of all(root, 'Image', NS.bt)) {
    if (img.parentElement?.localName !== 'Icon') continue;
    const size = Number(img.getAttribute('size'));
    const r = resources.get(img.getAttribute('resid') ?? '');
    if (!r) continue; // reported by the resid rule
    for (const url of [r.value, ...kids(r.element).map((o) => o.getAttribute('Value') ?? '')]) expect(url, size, `Icon image ${r.element.getAttribute('id')}`);
  }
}

function checkHandlers(root: Element, associations: Associations, out: Finding[]): void {
  const declared = new Set([
    ...all(root, 'LaunchEvent', NS.vo11).map((e) => e.getAttribute('FunctionName') ?? ''),
    ...all(root, 'FunctionName', NS.vo11).map((e) => e.textContent?.trim() ?? ''),
  ]);
  const associated = new Set(associations.names);
  for (const p of associations.problems) out.push({ rule: 'handlers', message: p });
  const missing = [...declared].filter((n) => !associated.has(n));
  const extra = [...associated].filter((n) => !declared.has(n));
  if (missing.length) {
    // A SoftBlock OnMessageSend whose handler is not associated stops every send.
    out.push({ rule: 'handlers', message: `The commands source does not call Office.actions.associate for: ${missing.join(', ')}.` });
  }
  if (extra.length) out.push({ rule: 'handlers', message: `The commands source associates names the manifest does not declare: ${extra.join(', ')}.` });
}
