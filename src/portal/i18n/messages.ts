import type { Locale } from '../../client/i18n/messages';
import { en } from './en';

/** Every text key of the portal; `en.ts` is the reference set. */
export type MessageKey = keyof typeof en;
/** A complete translation: all keys, nothing else. */
export type Messages = { readonly [K in MessageKey]: string };

/** The language's own name, shown on the switch (never translated, so people find their language). */
export const LOCALE_NAMES: Record<Locale, string> = { nl: 'Nederlands', en: 'English' };

// Languages, placeholder filling and language choice are shared with the task pane (src/client).
export { formatMessage, isLocale, LOCALES, pickLocale, type Locale, type MessageVars } from '../../client/i18n/messages';
