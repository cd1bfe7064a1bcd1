import type { RuleId } from './types';

/**
 * Plain-words reasons in Dutch and English. Content rules name what was found inside one
 * sentence frame, as "one|more than one" with `{n}` for the count and `{label}` for a custom
 * pattern's name; recipient checks (marked `!`) are one whole sentence, as the pane lists who.
 */
export type Locale = 'nl' | 'en';

interface Texts {
  frame: string;
  rules: Record<RuleId, string>;
}

const TEXTS: Record<Locale, Texts> = {
  en: {
    frame: 'Contains {x}.',
    rules: {
      bsn: 'a citizen service number (BSN)|{n} citizen service numbers (BSN)',
      iban: 'a bank account number (IBAN)|{n} bank account numbers (IBAN)',
      card: 'a payment card number|{n} payment card numbers',
      phone: 'a phone number|{n} phone numbers',
      passport: 'a passport or ID-card number|{n} passport or ID-card numbers',
      dob: 'a date of birth|{n} dates of birth',
      health: 'health information|health information ({n} terms)',
      finance: 'information on someone’s finances|information on someone’s finances ({n} terms)',
      keyword: 'a word your organisation marks as sensitive|{n} words your organisation marks as sensitive',
      pattern: 'text matching “{label}”|{n} matches of “{label}”',
      external: '!Goes to people outside your organisation.',
      'first-time': '!Goes to people you have not written to before.',
      lookalike: '!A recipient’s domain looks like a familiar one, but is not.',
      'many-domains': '!Goes to many different organisations.',
      'long-list': '!Outside recipients see each other’s addresses; consider Bcc.',
      'reply-all': '!Replies to everyone on a long list.',
      webmail: '!Sensitive content goes to personal mailboxes.',
      unscanned: '!Not every attachment could be checked.',
    },
  },
  nl: {
    frame: 'Bevat {x}.',
    rules: {
      bsn: 'een burgerservicenummer (BSN)|{n} burgerservicenummers (BSN)',
      iban: 'een rekeningnummer (IBAN)|{n} rekeningnummers (IBAN)',
      card: 'een betaalkaartnummer|{n} betaalkaartnummers',
      phone: 'een telefoonnummer|{n} telefoonnummers',
      passport: 'een paspoort- of ID-kaartnummer|{n} paspoort- of ID-kaartnummers',
      dob: 'een geboortedatum|{n} geboortedata',
      health: 'gezondheidsgegevens|gezondheidsgegevens ({n} termen)',
      finance: 'gegevens over iemands financiën|gegevens over iemands financiën ({n} termen)',
      keyword: 'een woord dat uw organisatie gevoelig noemt|{n} woorden die uw organisatie gevoelig noemt',
      pattern: 'tekst die past bij “{label}”|{n} keer tekst die past bij “{label}”',
      external: '!Gaat naar mensen buiten uw organisatie.',
      'first-time': '!Gaat naar mensen aan wie u nog niet eerder schreef.',
      lookalike: '!Het domein van een ontvanger lijkt op een bekend domein, maar is het niet.',
      'many-domains': '!Gaat naar veel verschillende organisaties.',
      'long-list': '!Externe ontvangers zien elkaars adres; overweeg Bcc.',
      'reply-all': '!U antwoordt iedereen op een lange lijst.',
      webmail: '!Gevoelige inhoud gaat naar persoonlijke mailboxen.',
      unscanned: '!Niet elke bijlage kon worden gecontroleerd.',
    },
  },
};

export function reasonText(rule: RuleId, count: number, locale: Locale, label = ''): string {
  const { frame, rules } = TEXTS[locale];
  // A leading "!" marks a whole sentence; the others go into the frame.
  const entry = rules[rule];
  const sentence = entry.startsWith('!');
  const [one = '', more = one] = (sentence ? entry.slice(1) : entry).split('|');
  const text = (count === 1 ? one : more).replace('{n}', String(count)).replace('{label}', label);
  return sentence ? text : frame.replace('{x}', text);
}
