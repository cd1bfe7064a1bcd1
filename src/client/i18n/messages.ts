/**
 * What both clients' texts share: the languages, placeholder filling and the language choice.
 * Each app keeps its own catalogue (`en.ts`, `nl.ts`) and its own `MessageKey`.
 */
export type Locale = 'nl' | 'en';
export const LOCALES: readonly Locale[] = ['nl', 'en'];

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
 * An earlier choice wins (the portal remembers one; the task pane has none); otherwise the first
 * language we have; otherwise English, the language most readers outside the Netherlands can read.
 */
export function pickLocale(languages: readonly string[], stored: string | null): Locale {
  if (isLocale(stored)) return stored;
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return 'en';
}
