import type { Locale, Messages } from './messages';

/**
 * The pane's texts, one chunk per language: a sender's pane loads only Outlook's display
 * language, once its first screen is up (the texts of that screen are in `start.ts`).
 * `TaskpaneApp` shows the signed-in screens only when it has arrived.
 */
const loaders: Record<Locale, () => Promise<Messages>> = {
  en: () => import(/* webpackChunkName: "i18n-en" */ './en').then((m) => m.en),
  nl: () => import(/* webpackChunkName: "i18n-nl" */ './nl').then((m) => m.nl),
};

const loaded: Partial<Record<Locale, Messages>> = {};

/** The catalogue of `locale` if it has arrived. */
export function loadedMessages(locale: Locale): Messages | undefined {
  return loaded[locale];
}

const pending: Partial<Record<Locale, Promise<Messages>>> = {};

/** The catalogue of `locale`, requested once however often it is asked for; a failed request may be asked again. */
export function loadMessages(locale: Locale): Promise<Messages> {
  const done = loaded[locale];
  if (done) return Promise.resolve(done);
  return (pending[locale] ??= loaders[locale]().then(
    (messages) => (loaded[locale] = messages),
    (error: unknown) => {
      delete pending[locale];
      throw error;
    },
  ));
}

/** For tests, which import the catalogues themselves and render at once. */
export function provideMessages(locale: Locale, messages: Messages): void {
  loaded[locale] = messages;
}

/** For tests of the pane before its language's chunk has arrived. */
export function forgetMessages(locale: Locale): void {
  delete loaded[locale];
  delete pending[locale];
}
