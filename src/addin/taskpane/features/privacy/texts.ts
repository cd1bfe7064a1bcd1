/**
 * The privacy tab speaks the pane's language with texts of its own: they travel in the tab's
 * lazily loaded chunk, so the first screen does not carry them.
 */
import * as React from 'react';
import { formatMessage, type MessageKey, type MessageVars } from '../../i18n/messages';
import { useI18n, type I18n } from '../../i18n/I18nProvider';
import { privacyEn } from './texts-en';
import { privacyNl } from './texts-nl';

export type PrivacyKey = keyof typeof privacyEn;
export type PrivacyMessages = { readonly [K in PrivacyKey]: string };
/** Any text the tab shows: its own or the pane's. */
export type TextKey = MessageKey | PrivacyKey;

export interface PrivacyI18n extends Omit<I18n, 't'> {
  t: (key: MessageKey | PrivacyKey, vars?: MessageVars) => string;
}

/** The pane's `useI18n`, knowing the privacy tab's keys as well. */
export function usePrivacyI18n(): PrivacyI18n {
  const i18n = useI18n();
  return React.useMemo(() => {
    const own: PrivacyMessages = i18n.locale === 'nl' ? privacyNl : privacyEn;
    const t = (key: MessageKey | PrivacyKey, vars?: MessageVars) =>
      key in own ? formatMessage(own[key as PrivacyKey], vars) : i18n.t(key as MessageKey, vars);
    return { ...i18n, t };
  }, [i18n]);
}
