import * as React from 'react';
import { loadedMessages, loadMessages } from './catalogues';
import { formatMessage, pickLocale, type Locale, type MessageKey, type Messages, type MessageVars } from './messages';

export interface I18n {
  locale: Locale;
  t: (key: MessageKey, vars?: MessageVars) => string;
  formatDate: (iso: string) => string;
  formatDateTime: (iso: string) => string;
}

/** The pane's texts and dates in a locale; also used outside React (the notice in the e-mail). */
export function createI18n(locale: Locale, messages: Messages): I18n {
  const tag = locale === 'nl' ? 'nl-NL' : 'en-GB';
  // Made when first used: the browser's first Intl formatter loads its locale data, which costs
  // more than the pane's whole first render, and the first screen shows no dates.
  let date: Intl.DateTimeFormat | undefined;
  let dateTime: Intl.DateTimeFormat | undefined;
  return {
    locale,
    t: (key, vars) => formatMessage(messages[key], vars),
    formatDate: (iso) => (date ??= new Intl.DateTimeFormat(tag, { dateStyle: 'long' })).format(new Date(iso)),
    formatDateTime: (iso) => (dateTime ??= new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' })).format(new Date(iso)),
  };
}

const I18nContext = React.createContext<I18n | null>(null);

export interface I18nProviderProps {
  /** Outlook's UI language (`Office.context.displayLanguage`); Dutch for `nl-*`, else English. */
  displayLanguage: string;
  children?: React.ReactNode;
}

/**
 * The pane speaks Outlook's language; there is no switch, as Outlook already has one. Its texts
 * are loaded before the first render (`index.tsx`); should they not be, nothing shows until they are.
 */
export function I18nProvider({ displayLanguage, children }: I18nProviderProps) {
  const locale = pickLocale([displayLanguage], null);
  const [catalogue, setCatalogue] = React.useState(() => ({ locale, messages: loadedMessages(locale) }));
  const messages = catalogue.locale === locale ? catalogue.messages : loadedMessages(locale);
  React.useEffect(() => {
    if (messages) return;
    let live = true;
    loadMessages(locale).then(
      (loaded) => live && setCatalogue({ locale, messages: loaded }),
      () => undefined, // index.tsx reports a pane that cannot load its texts.
    );
    return () => {
      live = false;
    };
  }, [locale, messages]);
  const value = React.useMemo(() => (messages ? createI18n(locale, messages) : null), [locale, messages]);
  React.useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return value ? <I18nContext.Provider value={value}>{children}</I18nContext.Provider> : null;
}

export function useI18n(): I18n {
  const value = React.useContext(I18nContext);
  if (!value) throw new Error('useI18n needs an I18nProvider above it');
  return value;
}
