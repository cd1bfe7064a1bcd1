import type { en } from './en';

/** Every text key of the task pane; `en.ts` is the reference set. */
export type MessageKey = keyof typeof en;
/** A complete translation: all keys, nothing else. */
export type Messages = { readonly [K in MessageKey]: string };

// Placeholder filling and language choice are the portal's; one implementation for both apps.
export { formatMessage, pickLocale, type Locale, type MessageVars } from '../../../portal/i18n/messages';
