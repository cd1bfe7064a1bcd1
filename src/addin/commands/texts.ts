/**
 * What the Smart Alerts dialog says, in Dutch and English (from Outlook's display language).
 * Outlook cuts nothing for us: the message and its Markdown form must each stay within 500
 * characters and the button label within 20, so reasons are dropped from the end to fit.
 */
export type Locale = 'nl' | 'en';

export const MAX_MESSAGE = 500;
export const MAX_LABEL = 20;

interface Texts {
  require: string;
  secure: string;
  hint: string;
  unchecked: string;
  cancelLabel: string;
}

const TEXTS: Record<Locale, Texts> = {
  en: {
    require: 'This message must be sent securely.',
    secure: 'Your organisation asks you to send this message securely.',
    hint: 'Open Sealpost to send it securely, or remove the sensitive content.',
    unchecked:
      'Sealpost could not check this message because its service cannot be reached, and your organisation does not allow unchecked messages to be sent. Please try again in a moment.',
    cancelLabel: 'Open Sealpost',
  },
  nl: {
    require: 'Dit bericht moet beveiligd worden verstuurd.',
    secure: 'Uw organisatie vraagt u dit bericht beveiligd te versturen.',
    hint: 'Open Sealpost om het beveiligd te versturen, of haal de gevoelige inhoud weg.',
    unchecked:
      'Sealpost kon dit bericht niet controleren omdat de dienst niet bereikbaar is, en uw organisatie staat niet toe dat ongecontroleerde berichten worden verstuurd. Probeer het zo opnieuw.',
    cancelLabel: 'Open Sealpost',
  },
};

/** Dutch for any Dutch locale (nl-NL, nl-BE), English otherwise. */
export function localeOf(displayLanguage: string | undefined): Locale {
  return /^nl(-|_|$)/i.test(displayLanguage ?? '') ? 'nl' : 'en';
}

export function cancelLabel(locale: Locale): string {
  return TEXTS[locale].cancelLabel.slice(0, MAX_LABEL);
}

export function uncheckedMessage(locale: Locale): string {
  return TEXTS[locale].unchecked.slice(0, MAX_MESSAGE);
}

// Characters that would turn a custom pattern's name into Markdown emphasis, code or a link.
const MARKDOWN = /[*_`[\]~<>|\\]/g;

/** The plain message and its Markdown form, each at most 500 characters. */
export function stopMessage(kind: 'require' | 'secure', reasons: readonly string[], locale: Locale): { text: string; markdown: string } {
  const t = TEXTS[locale];
  const fit = (make: (shown: readonly string[]) => string): string => {
    for (let n = reasons.length; n >= 0; n--) {
      const out = make(reasons.slice(0, n));
      if (out.length <= MAX_MESSAGE) return out;
    }
    return make([]).slice(0, MAX_MESSAGE);
  };
  return {
    text: fit((shown) => [t[kind], ...shown, t.hint].join(' ')),
    markdown: fit((shown) => [`**${t[kind]}**`, shown.map((r) => r.replace(MARKDOWN, '')).join(' '), t.hint].filter(Boolean).join('\n\n')),
  };
}
