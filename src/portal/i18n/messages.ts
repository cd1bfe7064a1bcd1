import { en } from './en';

/** Every text key of the portal; `en.ts` is the reference set. */
export type MessageKey = keyof typeof en;
/** A complete translation: all keys, nothing else. */
export type Messages = { readonly [K in MessageKey]: string };

export type Locale = 'nl' | 'en';
export const LOCALES: readonly Locale[] = ['nl', 'en'];

/** The language's own name, shown on the switch (never translated, so people find their language). */
export const LOCALE_NAMES: Record<Locale, string> = { nl: 'Nederlands', en: 'English' };

export type MessageVars = Readonly<Record<string, string | number>>;

/** Fills `{name}` placeholders; unknown placeholders stay visible so a mistake is noticed. */
export function formatMessage(template: string, vars?: MessageVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}

export function isLocale(value: unknown): value is Locale {
  return value === 'nl' || value === 'en';
}

/**
 * The recipient's earlier choice wins; otherwise the first browser language we have; otherwise
 * English, the language most recipients outside the Netherlands can read.
 */
export function pickLocale(languages: readonly string[], stored: string | null): Locale {
  if (isLocale(stored)) return stored;
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return 'en';
}
