/**
 * Sealpost's own agreements about the manifest, which the schema cannot know: the add-in id, the
 * paths the service serves, the handler names and the button id the commands bundle uses, compose
 * only, the requirement sets and permission we rely on, one origin for every URL, and Dutch texts.
 */
import { ADDIN_ID, ADDIN_PATHS, EVENT_HANDLER_NAMES, OPEN_PANE_BUTTON_ID, iconPath, type IconSize } from '../src/addin/manifest-urls';
import { NS, all, child, kids, xsiType, type Finding, type Resource } from './manifest-xml';

const DUTCH = 'nl-NL';

export function checkContract(root: Element, resources: Map<string, Resource>, out: Finding[]): void {
  const fail = (message: string) => out.push({ rule: 'contract', message });
  const text = (name: string) => child(root, name, NS.app)?.textContent?.trim();
  const attr = (name: string, a = 'DefaultValue') => child(root, name, NS.app)?.getAttribute(a) ?? undefined;
  const resource = (el: Element | undefined) => resources.get(el?.getAttribute('resid') ?? '')?.value;

  if (text('Id') !== ADDIN_ID) fail(`Id must stay ${ADDIN_ID}; a new Id makes Outlook and admins see another add-in.`);
  if (text('ProviderName') !== 'Sealpost') fail('ProviderName must be Sealpost.');
  if (text('DefaultLocale') !== 'en-US') fail('DefaultLocale must be en-US.');
  if (text('Permissions') !== 'ReadWriteMailbox') fail('Permissions must be ReadWriteMailbox: item.sendAsync needs it.');
  const baseSets = all(child(root, 'Requirements', NS.app) ?? root, 'Set', NS.app).map((s) => `${s.getAttribute('Name')} ${s.getAttribute('MinVersion')}`);
  if (baseSets.join() !== 'Mailbox 1.1') fail(`The base Requirements must be Mailbox 1.1 only, not ${baseSets.join(', ') || 'nothing'}.`);
  const hosts = all(child(root, 'Hosts', NS.app) ?? root, 'Host', NS.app).map((h) => h.getAttribute('Name'));
  if (hosts.join() !== 'Mailbox') fail('Hosts must list Mailbox only.');

  // Compose only: an edit form, and rules that match messages being composed.
  const forms = all(root, 'Form', NS.app);
  if (!forms.length || forms.some((f) => xsiType(f) !== 'ItemEdit')) fail('FormSettings must hold only an ItemEdit form (compose only).');
  const leaves = all(root, 'Rule', NS.app).filter((r) => xsiType(r) !== 'RuleCollection');
  if (!leaves.length || leaves.some((r) => xsiType(r) !== 'ItemIs' || r.getAttribute('ItemType') !== 'Message' || r.getAttribute('FormType') !== 'Edit')) {
    fail('Rule must activate on messages being composed only (ItemIs, Message, Edit).');
  }

  const outer = child(root, 'VersionOverrides', NS.vo10);
  const inner = outer && child(outer, 'VersionOverrides', NS.vo11);
  if (!inner) return void fail('VersionOverrides V1_1 is missing.');
  const sets = all(inner, 'Sets', NS.bt)[0];
  if (sets?.getAttribute('DefaultMinVersion') !== '1.12') fail('VersionOverrides V1_1 must require Mailbox 1.12 (DefaultMinVersion), the lowest set with OnMessageSend.');
  if (!sets || all(sets, 'Set', NS.bt).map((s) => s.getAttribute('Name')).join() !== 'Mailbox') fail('VersionOverrides V1_1 must name the Mailbox set.');
  if (child(inner, 'WebApplicationInfo', NS.vo11)) fail('WebApplicationInfo is for legacy Office SSO; Sealpost signs in with nested app authentication.');

  const points = all(inner, 'ExtensionPoint', NS.vo11);
  const pointTypes = points.map((p) => xsiType(p));
  if (pointTypes.some((t) => t !== 'MessageComposeCommandSurface' && t !== 'LaunchEvent')) fail(`Only the compose command surface and LaunchEvent are expected, found ${pointTypes.join(', ')}.`);

  const button = all(inner, 'Control', NS.vo11).find((c) => c.getAttribute('id') === OPEN_PANE_BUTTON_ID);
  let buttonSurface = button?.parentElement;
  while (buttonSurface && buttonSurface.localName !== 'ExtensionPoint') buttonSurface = buttonSurface.parentElement;
  const action = button && child(button, 'Action', NS.vo11);
  if (!button || !buttonSurface || xsiType(buttonSurface) !== 'MessageComposeCommandSurface' || !action || xsiType(action) !== 'ShowTaskpane') {
    fail(`The compose surface needs a Button with id ${OPEN_PANE_BUTTON_ID} that shows the task pane: the on-send handler names it as commandId.`);
  }

  const declared = all(inner, 'LaunchEvent', NS.vo11).map((e) => `${e.getAttribute('Type')}=${e.getAttribute('FunctionName')}`).sort();
  const agreed = Object.entries(EVENT_HANDLER_NAMES).map(([type, fn]) => `${type}=${fn}`).sort();
  if (declared.join() !== agreed.join()) fail(`LaunchEvents must be exactly ${agreed.join(', ')}; found ${declared.join(', ') || 'none'}.`);

  // Paths the service serves; a typo here is a blank pane or a dead event handler.
  const paths: Array<[string, string | undefined, string]> = [
    ['FormSettings SourceLocation', all(child(root, 'FormSettings', NS.app) ?? root, 'SourceLocation', NS.app)[0]?.getAttribute('DefaultValue') ?? undefined, ADDIN_PATHS.taskpane],
    ['SupportUrl', attr('SupportUrl'), ADDIN_PATHS.support],
    ['IconUrl', attr('IconUrl'), iconPath(64)],
    ['HighResolutionIconUrl', attr('HighResolutionIconUrl'), iconPath(128)],
    ['the task-pane button', resource(action && child(action, 'SourceLocation', NS.vo11)), ADDIN_PATHS.taskpane],
    ['FunctionFile', resource(all(inner, 'FunctionFile', NS.vo11)[0]), ADDIN_PATHS.commandsPage],
    ['Runtime', resource(all(inner, 'Runtime', NS.vo11)[0]), ADDIN_PATHS.commandsPage],
    ['the JavaScript runtime override', resource(all(inner, 'Override', NS.vo11).find((o) => o.getAttribute('type') === 'javascript')), ADDIN_PATHS.launchEventScript],
  ];
  for (const img of all(inner, 'Image', NS.bt).filter((i) => i.parentElement?.localName === 'Icon')) {
    paths.push([`Icon image ${img.getAttribute('resid')}`, resource(img), iconPath(Number(img.getAttribute('size')) as IconSize)]);
  }
  for (const [label, url, path] of paths) {
    if (url === undefined) continue; // missing parts are reported by the structural rules
    if (pathOf(url) !== path) fail(`${label} must point at <base>${path}, not ${url}.`);
  }

  // One origin for every URL, and AppDomains lists exactly that origin.
  const urls = [...paths.map(([, u]) => u), ...[...resources.values()].filter((r) => r.kind !== 'ShortStrings' && r.kind !== 'LongStrings').map((r) => r.value)];
  const origins = new Set(urls.filter((u): u is string => !!u).map(originOf));
  const domains = all(root, 'AppDomain', NS.app).map((d) => d.textContent?.trim() ?? '');
  if (origins.size !== 1) fail(`Every URL must be on the service's one origin; found ${[...origins].join(', ')}.`);
  else if (domains.join() !== [...origins][0]) fail(`AppDomains must list the service origin ${[...origins][0]} only, not ${domains.join(', ') || 'nothing'}.`);

  const needsDutch = [child(root, 'DisplayName', NS.app), child(root, 'Description', NS.app), ...[...resources.values()].filter((r) => r.kind === 'ShortStrings' || r.kind === 'LongStrings').map((r) => r.element)];
  for (const el of needsDutch) {
    if (el && !kids(el).some((o) => o.localName === 'Override' && o.getAttribute('Locale') === DUTCH && o.getAttribute('Value'))) {
      fail(`${el.getAttribute('id') ?? el.localName} needs a Dutch text (<Override Locale="${DUTCH}">).`);
    }
  }
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
