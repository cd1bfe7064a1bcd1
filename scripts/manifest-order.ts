/**
 * Element order and required children. A manifest with children in the wrong order is invalid and
 * the add-in does not load; the validator's message for it is the same as for a wrong parent.
 * Sequences follow the XSD complex types and the "manifest element ordering" reference for mail
 * add-ins (VersionOverrides 1.0 and 1.1). Notation: `Name` once, `Name?` optional, `Name+` one or
 * more, `Name*` any number; `bt:`, `vo10:` and `vo11:` pick those namespaces, otherwise the parent's.
 */
import { NS, child, kids, where, xsiType, type Finding } from './manifest-xml';

interface Step {
  name: string;
  ns: string;
  min: number;
  max: number;
}

function steps(spec: string, ns: string): Step[] {
  return spec.split(/\s+/).map((token) => {
    const quant = /[?+*]$/.test(token) ? token.slice(-1) : '';
    let name = quant ? token.slice(0, -1) : token;
    let stepNs = ns;
    if (name.startsWith('bt:')) [name, stepNs] = [name.slice(3), NS.bt];
    else if (name.startsWith('vo10:')) [name, stepNs] = [name.slice(5), NS.vo10];
    else if (name.startsWith('vo11:')) [name, stepNs] = [name.slice(5), NS.vo11];
    return { name, ns: stepNs, min: quant === '?' || quant === '*' ? 0 : 1, max: quant === '+' || quant === '*' ? Infinity : 1 };
  });
}

/** Checks that `parent`'s children follow `spec` in order, with nothing unknown and nothing missing. */
function sequence(parent: Element | undefined, spec: string, ns: string, out: Finding[]): void {
  if (!parent) return;
  const list = steps(spec, ns);
  const counts = list.map(() => 0);
  let at = 0;
  for (const el of kids(parent)) {
    const i = list.findIndex((s) => s.name === el.localName && s.ns === el.namespaceURI);
    if (i === -1) {
      out.push({ rule: 'order', message: `${el.localName} (${el.namespaceURI}) is not expected inside ${where(parent)}.` });
      continue;
    }
    counts[i]! += 1;
    if (i < at) {
      out.push({ rule: 'order', message: `${el.localName} is out of order inside ${where(parent)}: it must come before ${list[at]!.name}.` });
      continue;
    }
    at = i;
    if (counts[i]! > list[i]!.max) out.push({ rule: 'order', message: `${el.localName} may appear only once inside ${where(parent)}.` });
  }
  list.forEach((s, i) => {
    if (counts[i]! < s.min) out.push({ rule: 'required', message: `${where(parent)} has no ${s.name}.` });
  });
}

const each = (parent: Element | undefined, name: string, ns: string) => (parent ? kids(parent).filter((c) => c.localName === name && c.namespaceURI === ns) : []);

export function checkOrder(root: Element, out: Finding[]): void {
  const app = NS.app;
  sequence(root, 'Id AlternateId? Version ProviderName DefaultLocale DisplayName Description IconUrl HighResolutionIconUrl SupportUrl AppDomains Hosts Requirements FormSettings Permissions Rule DisableEntityHighlighting? vo10:VersionOverrides', app, out);
  for (const name of ['DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) sequence(child(root, name, app), 'Override*', app, out);
  sequence(child(root, 'AppDomains', app), 'AppDomain+', app, out);
  sequence(child(root, 'Hosts', app), 'Host+', app, out);
  const requirements = child(root, 'Requirements', app);
  sequence(requirements, 'Sets', app, out);
  sequence(requirements && child(requirements, 'Sets', app), 'Set+', app, out);
  const formSettings = child(root, 'FormSettings', app);
  sequence(formSettings, 'Form+', app, out);
  for (const form of each(formSettings, 'Form', app)) {
    sequence(form, 'DesktopSettings TabletSettings? PhoneSettings?', app, out);
    // RequestedHeight is allowed by ItemRead only; the itemedit rule reports it under ItemEdit.
    for (const settings of kids(form)) sequence(settings, 'SourceLocation RequestedHeight?', app, out);
  }
  checkRules(child(root, 'Rule', app), out);

  const outer = child(root, 'VersionOverrides', NS.vo10);
  sequence(outer, 'Description? Requirements? Hosts? Resources? vo11:VersionOverrides', NS.vo10, out);
  const inner = outer && child(outer, 'VersionOverrides', NS.vo11);
  if (inner) checkVersionOverrides11(inner, out);
}

function checkRules(rule: Element | undefined, out: Finding[]): void {
  if (!rule) return;
  if (xsiType(rule) === 'RuleCollection') {
    sequence(rule, 'Rule+', NS.app, out);
    for (const r of kids(rule)) checkRules(r, out);
  } else if (kids(rule).length) {
    out.push({ rule: 'order', message: `${where(rule)} is a single rule and takes no children.` });
  }
}

function checkVersionOverrides11(inner: Element, out: Finding[]): void {
  const ns = NS.vo11;
  sequence(inner, 'Description? Requirements Hosts Resources WebApplicationInfo? EquivalentAddins? ExtendedPermissions?', ns, out);
  const requirements = child(inner, 'Requirements', ns);
  sequence(requirements, 'bt:Sets', ns, out);
  sequence(requirements && child(requirements, 'Sets', NS.bt), 'bt:Set+', NS.bt, out);
  const hosts = child(inner, 'Hosts', ns);
  sequence(hosts, 'Host+', ns, out);
  for (const host of each(hosts, 'Host', ns)) {
    // The reference page omits Runtimes; every official sample puts it first inside Host.
    sequence(host, 'Runtimes? DesktopFormFactor MobileFormFactor?', ns, out);
    const runtimes = child(host, 'Runtimes', ns);
    sequence(runtimes, 'Runtime+', ns, out);
    for (const runtime of each(runtimes, 'Runtime', ns)) sequence(runtime, 'Override*', ns, out);
    const desktop = child(host, 'DesktopFormFactor', ns);
    sequence(desktop, 'FunctionFile? ExtensionPoint+', ns, out);
    for (const point of each(desktop, 'ExtensionPoint', ns)) checkExtensionPoint(point, out);
  }
  const resources = child(inner, 'Resources', ns);
  sequence(resources, 'bt:Images? bt:Urls? bt:ShortStrings? bt:LongStrings?', ns, out);
  for (const [group, item] of [['Images', 'Image'], ['Urls', 'Url'], ['ShortStrings', 'String'], ['LongStrings', 'String']]) {
    const el = resources && child(resources, group!, NS.bt);
    sequence(el, `bt:${item}+`, NS.bt, out);
    for (const entry of el ? kids(el) : []) sequence(entry, 'bt:Override*', NS.bt, out);
  }
}

function checkExtensionPoint(point: Element, out: Finding[]): void {
  const ns = NS.vo11;
  const type = xsiType(point);
  if (type === 'LaunchEvent') {
    sequence(point, 'LaunchEvents SourceLocation', ns, out);
    sequence(child(point, 'LaunchEvents', ns), 'LaunchEvent+', ns, out);
    return;
  }
  sequence(point, 'OfficeTab? CustomTab?', ns, out);
  for (const tab of kids(point)) {
    sequence(tab, tab.localName === 'CustomTab' ? 'Group+ Label' : 'Group+', ns, out);
    for (const group of each(tab, 'Group', ns)) {
      sequence(group, tab.localName === 'CustomTab' ? 'Label Icon Control+' : 'Label Control+', ns, out);
      for (const control of each(group, 'Control', ns)) {
        if (xsiType(control) !== 'Button') continue;
        sequence(control, 'Label Supertip Icon Action', ns, out);
        sequence(child(control, 'Supertip', ns), 'Title Description', ns, out);
        sequence(child(control, 'Icon', ns), 'bt:Image+', ns, out);
        const action = child(control, 'Action', ns);
        if (action && xsiType(action) === 'ShowTaskpane') sequence(action, 'TaskpaneId? SourceLocation Title? SupportsPinning?', ns, out);
        if (action && xsiType(action) === 'ExecuteFunction') sequence(action, 'FunctionName', ns, out);
      }
    }
  }
}
