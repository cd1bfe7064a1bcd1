import * as React from 'react';
import { loadedMessages, loadMessages } from './catalogues';
import { formatMessage, pickLocale, type Locale, type MessageKey, type Messages, type MessageVars } from './messages';
import { startMessages, type StartMessages } from './start';

export interface I18n {
  locale: Locale;
  t: (key: MessageKey, vars?: MessageVars) => string;
  formatDate: (iso: string) => string;
  formatDateTime: (iso: string) => string;
}

/** The pane's texts and dates in a locale; also used outside React (the notice in the e-mail). */
export function createI18n(locale: Locale, messages: Messages | StartMessages): I18n {
  const tag = locale === 'nl' ? 'nl-NL' : 'en-GB';
  // Made when first used: the browser's first Intl formatter loads its locale data, which costs
  // more than the pane's whole first render, and the first screen shows no dates.
  let date: Intl.DateTimeFormat | undefined;
  let dateTime: Intl.DateTimeFormat | undefined;
  return {
    locale,
    // Only the start texts until the language's chunk is in (see `useTexts`); a key shown as
    // itself would be a screen rendered too early, and easy to spot.
    t: (key, vars) => formatMessage((messages as Partial<Messages>)[key] ?? key, vars),
    formatDate: (iso) => (date ??= new Intl.DateTimeFormat(tag, { dateStyle: 'long' })).format(new Date(iso)),
    formatDateTime: (iso) => (dateTime ??= new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' })).format(new Date(iso)),
  };
}

/** Whether all texts of the pane's language are in: the screens after sign-in need them. */
export interface Texts {
  state: 'start' | 'loading' | 'complete' | 'failed';
  /** Asks for the language's chunk (once; again after a failure). */
  load: () => void;
}

const I18nContext = React.createContext<{ i18n: I18n; texts: Texts } | null>(null);

export interface I18nProviderProps {
  /** Outlook's UI language (`Office.context.displayLanguage`); Dutch for `nl-*`, else English. */
  displayLanguage: string;
  /** Fetches a language's chunk; tests may pass one that fails. */
  loadTexts?: (locale: Locale) => Promise<Messages>;
  children?: React.ReactNode;
}

/**
 * The pane speaks Outlook's language; there is no switch, as Outlook already has one. The texts
 * of the screens before sign-in are at hand at once; the rest come in the language's chunk,
 * which `TaskpaneApp` asks for once the first screen is up.
 */
export function I18nProvider({ displayLanguage, loadTexts = loadMessages, children }: I18nProviderProps) {
  const locale = pickLocale([displayLanguage], null);
  // What the last request for a language's chunk gave, while it is that language that is shown.
  const [fetched, setFetched] = React.useState<{ locale: Locale; result: 'loading' | 'failed' | Messages } | null>(null);
  const result = fetched?.locale === locale ? fetched.result : undefined;
  const messages = loadedMessages(locale) ?? (typeof result === 'object' ? result : undefined);
  const live = React.useRef(true);
  React.useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);
  const load = React.useCallback(() => {
    if (messages) return;
    setFetched({ locale, result: 'loading' });
    loadTexts(locale).then(
      (loaded) => live.current && setFetched({ locale, result: loaded }),
      () => live.current && setFetched({ locale, result: 'failed' }),
    );
  }, [locale, loadTexts, messages]);
  const state: Texts['state'] = messages ? 'complete' : typeof result === 'string' ? result : 'start';
  const value = React.useMemo(
    () => ({ i18n: createI18n(locale, messages ?? startMessages[locale]), texts: { state, load } }),
    [locale, messages, state, load],
  );
  React.useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = React.useContext(I18nContext);
  if (!value) throw new Error('useI18n needs an I18nProvider above it');
  return value.i18n;
}

/** Whether the language's chunk is in, and how to ask for it. */
export function useTexts(): Texts {
  const value = React.useContext(I18nContext);
  if (!value) throw new Error('useTexts needs an I18nProvider above it');
  return value.texts;
}
