/**
 * The privacy notice as a pure function of the inventory and the controller's configuration, in
 * Dutch or English. It returns a small document tree (sections, paragraphs, lists, tables) so that
 * the service can render HTML and tests can check content without parsing markup.
 */
import { fill, LEGAL_BASES, LOCATIONS, NOTICE_ITEMS, PERIODS, PROCESSOR_ROLES, PURPOSES, RETENTION } from './catalogue';
import { INVENTORY, INVENTORY_VERSION } from './inventory';
import { NOTICE_TEXTS, type NoticeTexts } from './notice-texts';
import type { ControllerConfig, InventoryRow, Locale, NoticeItemId, RetentionId, SharedWith } from './types';

export type Inline = string | { readonly text: string; readonly href: string };

export type Block =
  | { readonly kind: 'paragraph'; readonly content: readonly Inline[] }
  | { readonly kind: 'list'; readonly items: readonly (readonly Inline[])[] }
  | { readonly kind: 'table'; readonly caption: string; readonly head: readonly string[]; readonly rows: readonly (readonly string[])[] };

export interface NoticeSection {
  /** Stable anchor, the same in both languages (e.g. `recipients`), so pages can link to it. */
  readonly id: string;
  readonly heading: string;
  readonly blocks: readonly Block[];
}

export interface PrivacyNotice {
  readonly locale: Locale;
  readonly title: string;
  /** The other language, for the language switch. */
  readonly otherLocale: Locale;
  readonly otherLanguage: string;
  /** Shown above everything when the deployment still uses example values. */
  readonly warning: string | null;
  readonly sections: readonly NoticeSection[];
  readonly footer: string;
}

const unique = <T>(values: Iterable<T>): T[] => [...new Set(values)];
const para = (...content: Inline[]): Block => ({ kind: 'paragraph', content });
const mail = (address: string): Inline => ({ text: address, href: `mailto:${address}` });

/** Rows of the data table for one category: one row per notice item, in catalogue order. */
function dataRows(rows: readonly InventoryRow[], who: 'B' | 'C', locale: Locale, values: Readonly<Record<string, number>>): string[][] {
  const mine = rows.filter((r) => !r.developmentOnly && (r.category === who || r.category === 'B+C'));
  const items = (Object.keys(NOTICE_ITEMS) as NoticeItemId[]).filter((item) => mine.some((r) => r.item === item));
  return items.map((item) => {
    const fields = mine.filter((r) => r.item === item);
    const purposes = unique(fields.map((f) => PURPOSES[f.purpose].text[locale]));
    const bases = unique(fields.map((f) => LEGAL_BASES[f.basis].text[locale]));
    // One entry per place, with its retention rules in catalogue order (e.g. first the message, then the tombstone).
    const retentionOrder = Object.keys(RETENTION) as RetentionId[];
    const places = unique(fields.map((f) => f.location)).map((location) => {
      const rules = retentionOrder.filter((r) => fields.some((f) => f.location === location && f.retention === r));
      return `${LOCATIONS[location][locale]}: ${rules.map((r) => fill(RETENTION[r][locale], values)).join('; ')}`;
    });
    return [NOTICE_ITEMS[item][locale], capitalise(purposes.join('; ')), bases.join('; '), places.map(capitalise).join('. ')];
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase() + text.slice(1);
}

/** The notice items a given party receives, from the inventory's `sharedWith`. */
function itemsSharedWith(rows: readonly InventoryRow[], party: SharedWith, locale: Locale): string[] {
  const items = unique(rows.filter((r) => !r.developmentOnly && r.item && r.sharedWith?.includes(party)).map((r) => r.item!));
  return items.map((item) => NOTICE_ITEMS[item][locale]);
}

function sharing(t: NoticeTexts, rows: readonly InventoryRow[], controller: ControllerConfig, locale: Locale): Block[] {
  const blocks: Block[] = [para(t.sharingIntro)];
  if (!controller.processors.length) blocks.push(para(t.noProcessors));
  else {
    blocks.push(para(t.processorsIntro));
    const receivedBy = (role: string): string[] => {
      if (role === 'hosting') return [t.hostingReceives];
      const party: SharedWith | null = role === 'sms' ? 'sms-provider' : role === 'mail' ? 'mail-provider' : null;
      const extra = t.processorExtra[role as keyof NoticeTexts['processorExtra']];
      return [...(party ? itemsSharedWith(rows, party, locale) : []), ...(extra ? [extra] : [])];
    };
    blocks.push({
      kind: 'list',
      items: controller.processors.map((p) => {
        const what = receivedBy(p.role);
        return [`${PROCESSOR_ROLES[p.role][locale]}: ${p.name}${what.length ? ` (${t.receives}: ${what.map(lowerFirst).join('; ')})` : ''}`];
      }),
    });
    blocks.push(para(t.transfers));
  }
  blocks.push(para(t.senderSees), { kind: 'list', items: itemsSharedWith(rows, 'sender', locale).map((text) => [text]) });
  return blocks;
}

/**
 * The notice for `locale`. `rows` defaults to the inventory; tests pass others to show that the
 * text follows whatever is declared.
 */
export function privacyNotice(locale: Locale, controller: ControllerConfig, rows: readonly InventoryRow[] = INVENTORY): PrivacyNotice {
  const t = NOTICE_TEXTS[locale];
  const values = { ...PERIODS, logDays: controller.logRetentionDays };
  const table = (who: 'B' | 'C', caption: string): Block => ({ kind: 'table', caption, head: t.tableHead, rows: dataRows(rows, who, locale, values) });
  const sections: NoticeSection[] = [
    {
      id: 'controller',
      heading: t.controllerHeading,
      blocks: [
        para(fill(t.controllerText, { name: controller.name, address: controller.address })),
        para(`${t.dpoText} `, mail(controller.dpoEmail), '.'),
        para(`${t.contactText} `, mail(controller.contactEmail), '.'),
      ],
    },
    { id: 'cannot-see', heading: t.cannotSeeHeading, blocks: t.cannotSee.map((text) => para(text)) },
    { id: 'senders', heading: t.sendersHeading, blocks: [para(t.sendersIntro), table('B', t.tableCaptionSenders), para(t.noPassword)] },
    { id: 'recipients', heading: t.recipientsHeading, blocks: [para(t.recipientsIntro), table('C', t.tableCaptionRecipients)] },
    { id: 'sharing', heading: t.sharingHeading, blocks: sharing(t, rows, controller, locale) },
    {
      id: 'rights',
      heading: t.rightsHeading,
      blocks: [
        { kind: 'list', items: t.rights.map((text) => [text]) },
        para(`${t.howToAsk} `, mail(controller.contactEmail), `. ${t.answerTime}`),
        para(`${t.selfService} `, { text: t.selfServiceLink, href: '/my-data' }, t.selfServiceAfter),
        para(t.proof),
      ],
    },
    {
      id: 'complaint',
      heading: t.complaintHeading,
      blocks: [para(`${t.complaintText} `, { text: t.complaintLinkText, href: t.complaintUrl }, '.')],
    },
    { id: 'security', heading: t.securityHeading, blocks: [{ kind: 'list', items: t.security.map((text) => [fill(text, values)]) }] },
    { id: 'browser', heading: t.browserHeading, blocks: [para(t.browserText)] },
  ];
  return {
    locale,
    title: t.title,
    otherLocale: locale === 'nl' ? 'en' : 'nl',
    otherLanguage: t.otherLanguage,
    warning: controller.placeholders.length ? fill(t.placeholderWarning, { settings: controller.placeholders.join(', ') }) : null,
    sections,
    footer: fill(t.footer, { version: INVENTORY_VERSION }),
  };
}

/** All text of a notice as one string: for tests and for searching. */
export function noticeText(notice: PrivacyNotice): string {
  const inline = (content: readonly Inline[]) => content.map((c) => (typeof c === 'string' ? c : c.text)).join('');
  const lines = [notice.title, notice.warning ?? ''];
  for (const s of notice.sections) {
    lines.push(s.heading);
    for (const b of s.blocks) {
      if (b.kind === 'paragraph') lines.push(inline(b.content));
      else if (b.kind === 'list') lines.push(...b.items.map(inline));
      else lines.push(b.caption, b.head.join(' | '), ...b.rows.map((r) => r.join(' | ')));
    }
  }
  lines.push(notice.footer);
  return lines.filter(Boolean).join('\n');
}
