import { lookalikeOf, usesLookalikeCharacters } from './domains';
import type { Policy } from './policy';
import { toUnicodeDomain } from './punycode';
import type { RecipientFinding } from './types';
import { WEBMAIL_DOMAINS } from './webmail';

/**
 * Checks on who a message goes to. The history of earlier recipients is the caller's: it stays in
 * the sender's mailbox settings or on the device and is only passed in here, never sent anywhere.
 * Findings name domains and counts, never a whole address.
 */
export interface RecipientsInput {
  /** The sender's address; its domain counts as the organisation's own. */
  from?: string;
  to?: readonly string[];
  cc?: readonly string[];
  bcc?: readonly string[];
  /** The message is a reply to all. */
  replyAll?: boolean;
}

export interface RecipientHistory {
  /** Addresses the sender has written to before (any case). */
  knownAddresses?: Iterable<string>;
  /** Domains the sender writes to often: lookalikes of these are flagged too. */
  frequentDomains?: readonly string[];
}

/** The lower-case address and domain in `Name <a@b.nl>` or `a@b.nl`; null without a domain. */
function parse(raw: string): { address: string; domain: string } | null {
  const angle = /<([^<>]+)>\s*$/.exec(raw);
  const address = (angle ? angle[1]! : raw).trim().toLowerCase();
  const at = address.lastIndexOf('@');
  return at > 0 && at < address.length - 1 ? { address, domain: address.slice(at + 1).replace(/\.$/, '') } : null;
}

function domainsOf(indexes: number[], domains: Array<string | null>): string {
  const distinct = [...new Set(indexes.map((i) => domains[i]!))];
  return distinct.slice(0, 5).join(', ') + (distinct.length > 5 ? ', …' : '');
}

export function checkRecipients(input: RecipientsInput, policy: Policy, history?: RecipientHistory): RecipientFinding[] {
  const to = input.to || [];
  const cc = input.cc || [];
  const all = [...to, ...cc, ...(input.bcc || [])].map(parse);
  const domains = all.map((p) => (p ? p.domain : null));
  const own = new Set(policy.ownDomains);
  const sender = input.from ? parse(input.from) : null;
  if (sender) own.add(sender.domain);
  const isOwn = (d: string): boolean => own.has(d) || [...own].some((o) => d.endsWith(`.${o}`));
  const external: number[] = [];
  all.forEach((p, i) => p && !isOwn(p.domain) && external.push(i));
  const out: RecipientFinding[] = [];
  const add = (check: RecipientFinding['check'], recipients: number[], preview: string): void => {
    if (recipients.length > 0) out.push({ check, recipients, preview });
  };

  add('external', external, domainsOf(external, domains));
  if (history && history.knownAddresses) {
    const known = new Set([...history.knownAddresses].map((a) => (parse(a) || { address: a.toLowerCase() }).address));
    const fresh = external.filter((i) => !known.has(all[i]!.address));
    add('first-time', fresh, domainsOf(fresh, domains));
  }
  // Typos of the big mail providers ("gmial.com") are a classic misdirection; short names would
  // match too many real domains, so only the longer ones serve as references.
  // Built here, not at load: code that runs at load stays in bundles without the recipient checks.
  const webmail = new Set([...WEBMAIL_DOMAINS.split(','), ...policy.webmailDomains]);
  const references = [
    ...own,
    ...((history && history.frequentDomains) || []).map((d) => d.toLowerCase()),
    ...[...webmail].filter((d) => d.length >= 9),
  ];
  const byDomain = new Map<string, number[]>();
  for (const i of external) byDomain.set(domains[i]!, [...(byDomain.get(domains[i]!) || []), i]);
  for (const [domain, indexes] of byDomain) {
    const imitated = lookalikeOf(domain, references, policy.limits.lookalikeDistance);
    const shown = toUnicodeDomain(domain);
    if (imitated) add('lookalike', indexes, `${shown} looks like ${imitated}`);
    else if (usesLookalikeCharacters(domain)) add('lookalike', indexes, `${shown} uses look-alike characters`);
  }
  if (byDomain.size >= policy.limits.manyDomains) add('many-domains', external, `${byDomain.size} external domains`);
  const visibleExternal = external.filter((i) => i < to.length + cc.length);
  if (visibleExternal.length >= policy.limits.longList) {
    add('long-list', visibleExternal, `${visibleExternal.length} external recipients in To and Cc`);
  }
  const visible = Array.from({ length: to.length + cc.length }, (_, i) => i);
  if (input.replyAll && visible.length >= policy.limits.replyAll) {
    add('reply-all', visible, `reply to all ${visible.length} recipients`);
  }
  const personal = external.filter((i) => webmail.has(domains[i]!));
  add('webmail', personal, domainsOf(personal, domains));
  return out;
}
