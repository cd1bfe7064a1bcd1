import type { en } from './en';

/** Every text key of the task pane; `en.ts` is the reference set. */
export type MessageKey = keyof typeof en;
/** A complete translation: all keys, nothing else. */
export type Messages = { readonly [K in MessageKey]: string };

// Languages, placeholder filling and language choice are shared with the portal (src/client).
export { formatMessage, pickLocale, type Locale, type MessageVars } from '../../../client/i18n/messages';
