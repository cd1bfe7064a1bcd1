import * as React from 'react';
import { en } from './en';
import { nl } from './nl';
import { formatMessage, pickLocale, type Locale, type MessageKey, type Messages, type MessageVars } from './messages';

const CATALOGUES: Record<Locale, Messages> = { en, nl };
/** Only the language choice is remembered; nothing about the message or the recipient. */
export const LOCALE_STORAGE_KEY = 'sealpost.locale';

export type LocaleStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface I18n {
  locale: Locale;
  t: (key: MessageKey, vars?: MessageVars) => string;
  setLocale: (locale: Locale) => void;
  formatDateTime: (iso: string) => string;
  formatTime: (iso: string) => string;
}

const I18nContext = React.createContext<I18n | null>(null);

// Storage can throw (blocked cookies, private modes); the language then simply is not remembered.
function readStored(storage: LocaleStorage | null): string | null {
  try {
    return storage?.getItem(LOCALE_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

export interface I18nProviderProps {
  languages: readonly string[];
  storage: LocaleStorage | null;
  children?: React.ReactNode;
}

export function I18nProvider({ languages, storage, children }: I18nProviderProps) {
  const [locale, setLocaleState] = React.useState<Locale>(() => pickLocale(languages, readStored(storage)));

  const setLocale = React.useCallback(
    (next: Locale) => {
      setLocaleState(next);
      try {
        storage?.setItem(LOCALE_STORAGE_KEY, next);
      } catch {
        // Not remembered, still switched.
      }
    },
    [storage],
  );

  // Screen readers pick their pronunciation from the document language.
  React.useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const value = React.useMemo<I18n>(() => {
    const messages = CATALOGUES[locale];
    const tag = locale === 'nl' ? 'nl-NL' : 'en-GB';
    const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeStyle: 'short' });
    const time = new Intl.DateTimeFormat(tag, { timeStyle: 'short' });
    return {
      locale,
      setLocale,
      t: (key, vars) => formatMessage(messages[key], vars),
      formatDateTime: (iso) => dateTime.format(new Date(iso)),
      formatTime: (iso) => time.format(new Date(iso)),
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = React.useContext(I18nContext);
  if (!value) throw new Error('useI18n needs an I18nProvider above it');
  return value;
}
