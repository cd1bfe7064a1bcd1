import * as React from 'react';
import { en } from './en';
import { formatMessage, pickLocale, type Locale, type MessageKey, type Messages, type MessageVars } from './messages';
import { nl } from './nl';

const CATALOGUES: Record<Locale, Messages> = { en, nl };

export interface I18n {
  locale: Locale;
  t: (key: MessageKey, vars?: MessageVars) => string;
  formatDate: (iso: string) => string;
  formatDateTime: (iso: string) => string;
}

/** The pane's texts and dates in a locale; also used outside React (the notice in the e-mail). */
export function createI18n(locale: Locale): I18n {
  const messages = CATALOGUES[locale];
  const tag = locale === 'nl' ? 'nl-NL' : 'en-GB';
  const date = new Intl.DateTimeFormat(tag, { dateStyle: 'long' });
  const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    locale,
    t: (key, vars) => formatMessage(messages[key], vars),
    formatDate: (iso) => date.format(new Date(iso)),
    formatDateTime: (iso) => dateTime.format(new Date(iso)),
  };
}

const I18nContext = React.createContext<I18n | null>(null);

export interface I18nProviderProps {
  /** Outlook's UI language (`Office.context.displayLanguage`); Dutch for `nl-*`, else English. */
  displayLanguage: string;
  children?: React.ReactNode;
}

/** The pane speaks Outlook's language; there is no switch, as Outlook already has one. */
export function I18nProvider({ displayLanguage, children }: I18nProviderProps) {
  const locale = pickLocale([displayLanguage], null);
  const value = React.useMemo(() => createI18n(locale), [locale]);
  React.useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = React.useContext(I18nContext);
  if (!value) throw new Error('useI18n needs an I18nProvider above it');
  return value;
}
