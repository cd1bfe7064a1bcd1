/**
 * The words the inventory is described in, in Dutch and English: purposes with their legal
 * basis, retention rules, places, and the data items a person recognises. Written for Sealpost;
 * `{logDays}` is filled in from the controller's configuration.
 */
import type { LegalBasisId, Localised, LocationId, NoticeItemId, ProcessorRole, PurposeId, RetentionId, SharedWith } from './types';

export interface Purpose {
  readonly text: Localised;
  /** The basis for personal data kept for this purpose; data that is not personal needs none. */
  readonly basis: LegalBasisId;
}

export const PURPOSES: Readonly<Record<PurposeId, Purpose>> = {
  account: {
    basis: 'contract',
    text: {
      nl: 'u een account geven, u laten inloggen en de dienst aan uw organisatie leveren',
      en: 'giving you an account, signing you in and delivering the service to your organisation',
    },
  },
  sending: {
    basis: 'contract',
    text: {
      nl: 'uw beveiligde berichten aanmaken, bewaren tot ze verlopen en u laten zien wat ermee gebeurt',
      en: 'creating your secure messages, keeping them until they expire and showing you what happens to them',
    },
  },
  'recipient-access': {
    basis: 'legitimate-interest',
    text: {
      nl: 'een beveiligd bericht alleen bij de juiste ontvanger laten komen: controleren wie u bent (tweede factor) en de afzender laten zien of het bericht is geopend',
      en: 'making sure a secure message reaches only the right recipient: checking who you are (second factor) and letting the sender see whether it was opened',
    },
  },
  security: {
    basis: 'legitimate-interest',
    text: {
      nl: 'de dienst en uw gegevens beschermen tegen misbruik, zoals het raden van codes en het massaal laten versturen van sms-berichten',
      en: 'protecting the service and your data against abuse, such as guessing codes or triggering text messages in bulk',
    },
  },
  accountability: {
    basis: 'legitimate-interest',
    text: {
      nl: 'kunnen aantonen wat er met een bericht is gebeurd (auditlog met alleen kenmerken en tijden)',
      en: 'being able to show what happened to a message (an audit log of identifiers and times only)',
    },
  },
  operations: {
    basis: 'legitimate-interest',
    text: {
      nl: 'de dienst draaiende houden en storingen oplossen',
      en: 'keeping the service running and solving faults',
    },
  },
  'organisation-policy': {
    basis: 'not-personal',
    text: {
      nl: 'de instellingen van uw organisatie toepassen (welke gegevens als gevoelig gelden, hoe ontvangers zich bevestigen)',
      en: "applying your organisation's settings (what counts as sensitive, how recipients confirm who they are)",
    },
  },
  convenience: {
    basis: 'legitimate-interest',
    text: {
      nl: 'werk besparen: een eerder gebruikt nummer hoeft niet opnieuw te worden ingetypt, een gelezen melding verschijnt niet nog eens, een gekozen taal blijft staan',
      en: 'saving work: a number used before need not be typed again, a notice once read is not shown again, a chosen language stays chosen',
    },
  },
  system: {
    basis: 'not-personal',
    text: {
      nl: 'bijhouden welke versie van de database is geïnstalleerd',
      en: 'keeping track of which version of the database is installed',
    },
  },
  rights: {
    basis: 'legal-obligation',
    text: {
      nl: 'uw privacyrechten uitvoeren: u laten zien wat wij van u hebben, het corrigeren, meegeven of wissen, en uw bezwaar tegen meldingen per e-mail respecteren',
      en: 'honouring your privacy rights: showing you what we hold about you, correcting, handing over or erasing it, and respecting your objection to notices by e-mail',
    },
  },
  development: {
    basis: 'test-data-only',
    text: {
      nl: 'ontwikkelen en testen zonder echte sms- of mailprovider (alleen met testgegevens)',
      en: 'developing and testing without a real SMS or mail provider (test data only)',
    },
  },
};

export const LEGAL_BASES: Readonly<Record<LegalBasisId, { readonly article: string; readonly text: Localised }>> = {
  contract: {
    article: 'GDPR art. 6(1)(b)',
    text: { nl: 'Uitvoering van de overeenkomst (art. 6 lid 1 sub b AVG)', en: 'Performance of the contract (GDPR art. 6(1)(b))' },
  },
  'legitimate-interest': {
    article: 'GDPR art. 6(1)(f)',
    text: { nl: 'Gerechtvaardigd belang (art. 6 lid 1 sub f AVG)', en: 'Legitimate interest (GDPR art. 6(1)(f))' },
  },
  'legal-obligation': {
    article: 'GDPR art. 6(1)(c)',
    text: { nl: 'Wettelijke verplichting (art. 6 lid 1 sub c AVG, met art. 12 tot en met 21 AVG)', en: 'Legal obligation (GDPR art. 6(1)(c), with art. 12 to 21)' },
  },
  'test-data-only': {
    article: 'none: test data only',
    text: { nl: 'Geen: alleen voor testgegevens, nooit voor echte personen', en: 'None: test data only, never real people' },
  },
  'not-personal': {
    article: 'not personal data',
    text: { nl: 'Geen persoonsgegevens', en: 'Not personal data' },
  },
};

/**
 * The periods the texts promise. The service's own constants are compared with these in
 * test/privacy-inventory.test.ts, so the notice cannot promise one period while the code applies another.
 */
export const PERIODS = {
  /** Sender accounts and organisations go this long after the contract or trial ends. */
  accountGraceDays: 30,
  /** Audit events are kept this long after they happened. */
  auditDays: 395,
  /** An upload never sealed is deleted after this long. */
  draftHours: 24,
  codeMinutes: 10,
  triesPerCode: 5,
  lockAfterFailures: 100,
  sessionMinutes: 30,
  senderCacheSeconds: 60,
  phoneBookEntries: 100,
  /** A remembered mobile number unused this long is forgotten. */
  phoneBookDays: 395,
  /** A data-subject request is answered within this many hours. */
  answerHours: 48,
  privacySessionMinutes: 15,
} as const;

export const RETENTION: Readonly<Record<RetentionId, Localised>> = {
  message: {
    nl: 'tot het bericht verloopt of door de afzender wordt ingetrokken (een upload die nooit werd afgerond: na {draftHours} uur); daarna verwijderd',
    en: 'until the message expires or is revoked by the sender (an upload never completed: after {draftHours} hours); then deleted',
  },
  'message-tombstone': {
    nl: 'na het verlopen of intrekken alleen als regel in het overzicht van de afzender, zonder inhoud, sleutel, naam, adres, nummer of browsergegevens; verwijderd met het account van de afzender, uiterlijk {accountGraceDays} dagen na het einde van het contract of de proefperiode van de organisatie',
    en: "after expiry or revocation only as a line in the sender's overview, without content, key, name, address, number or browser details; deleted with the sender's account, at the latest {accountGraceDays} days after the organisation's contract or trial ends",
  },
  account: {
    nl: 'zolang het account bestaat; uiterlijk {accountGraceDays} dagen na het einde van het contract of de proefperiode van de organisatie verwijderd',
    en: "as long as the account exists; deleted at the latest {accountGraceDays} days after the organisation's contract or trial ends",
  },
  organisation: {
    nl: 'tot {accountGraceDays} dagen na het einde van het contract of de proefperiode van de organisatie',
    en: "until {accountGraceDays} days after the organisation's contract or trial ends",
  },
  audit: {
    nl: '{auditDays} dagen na de gebeurtenis; zodra een bericht is opgeruimd alleen nog kenmerken die naar niemand meer verwijzen',
    en: '{auditDays} days after the event; once a message is purged, only identifiers that no longer point to anyone',
  },
  'rate-window': {
    nl: 'één minuut (één telvenster), alleen in het geheugen of in Redis; daarna vergeten',
    en: 'one minute (one counting window), in memory or Redis only; then forgotten',
  },
  'memory-minute': {
    nl: 'hooguit {senderCacheSeconds} seconden in het werkgeheugen van de dienst',
    en: "at most {senderCacheSeconds} seconds in the service's working memory",
  },
  logs: {
    nl: '{logDays} dagen',
    en: '{logDays} days',
  },
  'mailbox-phone-book': {
    nl: 'tot een nummer {phoneBookDays} dagen niet is gebruikt of de afzender de invoegtoepassing verwijdert; hooguit {phoneBookEntries} nummers, het langst ongebruikte nummer vervalt het eerst',
    en: 'until a number has not been used for {phoneBookDays} days or the sender removes the add-in; at most {phoneBookEntries} numbers, the longest unused goes first',
  },
  'mailbox-setting': {
    nl: 'tot de afzender de invoegtoepassing verwijdert',
    en: 'until the sender removes the add-in',
  },
  'addin-storage': {
    nl: 'tot de invoegtoepassing van het apparaat wordt verwijderd',
    en: 'until the add-in is removed from the device',
  },
  'draft-item': {
    nl: 'alleen bij het concept in Outlook; verdwijnt als het is verzonden of verwijderd',
    en: 'only with the draft in Outlook; gone once it is sent or discarded',
  },
  'sent-mail': {
    nl: 'in de verzonden e-mail, zolang afzender en ontvanger die bewaren',
    en: 'in the sent e-mail, for as long as sender and recipient keep it',
  },
  'sign-in-cache': {
    nl: 'tot de afzender uitlogt of de browseropslag wist; toegangstokens verlopen binnen ongeveer een uur',
    en: 'until the sender signs out or clears the browser storage; access tokens expire within about an hour',
  },
  'browser-setting': {
    nl: 'tot de gebruiker de browsergegevens wist',
    en: "until the user clears the browser's data",
  },
  'privacy-session': {
    nl: 'tot de code ({codeMinutes} minuten) of de sessie ({privacySessionMinutes} minuten) afloopt; daarna verwijderd',
    en: 'until the code ({codeMinutes} minutes) or the session ({privacySessionMinutes} minutes) ends; then deleted',
  },
  'privacy-request': {
    nl: 'zolang het verzoek openstaat (wij antwoorden binnen {answerHours} uur); daarna blijven alleen soort, status en tijden, {auditDays} dagen',
    en: 'while the request is open (we answer within {answerHours} hours); after that only its kind, status and times remain, for {auditDays} days',
  },
  objection: {
    nl: 'tot u de meldingen weer aanzet',
    en: 'until you switch the notices on again',
  },
  installation: {
    nl: 'zolang de installatie bestaat',
    en: 'for as long as the installation exists',
  },
  development: {
    nl: 'alleen in een ontwikkelomgeving, tot de ontwikkelaar de gegevensmap wist',
    en: 'only in a development set-up, until the developer clears the data directory',
  },
};

export const LOCATIONS: Readonly<Record<LocationId, Localised>> = {
  database: { nl: 'database van de dienst', en: "the service's database" },
  'blob-store': { nl: 'bestandsopslag van de dienst (alleen versleuteld)', en: "the service's file store (encrypted only)" },
  'service-logs': { nl: 'technische logboeken van de dienst', en: "the service's technical logs" },
  'service-memory': { nl: 'werkgeheugen van de dienst', en: "the service's working memory" },
  'rate-limit-store': { nl: 'teller in het werkgeheugen of in Redis', en: 'a counter in memory or Redis' },
  'dev-outbox': { nl: 'uitvakbestanden van een ontwikkelomgeving', en: 'outbox files of a development set-up' },
  'mailbox-roaming': { nl: 'instellingen van de mailbox van de afzender (Outlook)', en: "the sender's mailbox settings (Outlook)" },
  'addin-runtime-storage': { nl: 'opslag van de invoegtoepassing in Outlook', en: "the add-in's storage in Outlook" },
  'compose-item': { nl: 'de e-mail in Outlook', en: 'the e-mail in Outlook' },
  'addin-browser-storage': { nl: 'browseropslag van de invoegtoepassing bij de afzender', en: "the add-in's browser storage on the sender's device" },
  'portal-browser-storage': { nl: 'browser van de ontvanger (lokale opslag)', en: "the recipient's browser (local storage)" },
};

export const NOTICE_ITEMS: Readonly<Record<NoticeItemId, Localised>> = {
  'organisation-name': { nl: 'Naam van uw organisatie', en: 'Name of your organisation' },
  'azure-ids': {
    nl: 'Azure-tenant-ID en Azure-gebruikers-ID (bij inloggen met Microsoft Entra ID)',
    en: 'Azure tenant ID and Azure user ID (when signing in with Microsoft Entra ID)',
  },
  name: { nl: 'Naam', en: 'Name' },
  email: { nl: 'E-mailadres', en: 'E-mail address' },
  phone: { nl: 'Mobiel nummer (alleen bij verificatie per sms)', en: 'Mobile number (only for verification by text message)' },
  'client-kind': {
    nl: 'Soort browser en soort apparaat (een enkel woord, nooit de volledige browsergegevens)',
    en: 'Kind of browser and kind of device (a single word each, never the full browser details)',
  },
  'outlook-version': { nl: 'Outlook-versie, -variant en -platform', en: 'Outlook version, host and platform' },
  'account-record': {
    nl: 'Kenmerk van uw account, wanneer het is aangemaakt en wanneer u het laatst actief was',
    en: 'Identifier of your account, when it was created and when you were last active',
  },
  'message-record': {
    nl: 'Per bericht: kenmerk, tijdstip, vervaldatum, status, taal en omvang (aantal en grootte van de versleutelde delen)',
    en: 'Per message: identifier, time, expiry date, status, language and size (number and size of the encrypted parts)',
  },
  'notice-acknowledgement': {
    nl: 'Dat en wanneer u de privacymelding in Outlook hebt gelezen',
    en: 'That and when you read the privacy notice in Outlook',
  },
  'sign-in-cache': {
    nl: 'Aanmeldgegevens van Microsoft (account en kortlevende tokens)',
    en: 'Microsoft sign-in data (account and short-lived tokens)',
  },
  'access-record': {
    nl: 'Wanneer een code is verstuurd en wanneer u zich bevestigde, het bericht opende of bijlagen downloadde; het aantal mislukte pogingen en een eventuele blokkade',
    en: 'When a code was sent and when you confirmed, opened the message or downloaded attachments; the number of failed attempts and any lock',
  },
  'code-hashes': {
    nl: 'Verificatie- en toegangscodes, alleen als onomkeerbare vingerafdruk met een geheime sleutel',
    en: 'Verification and access codes, only as an irreversible fingerprint made with a secret key',
  },
  'address-hash': {
    nl: 'Het ingevulde e-mailadres, alleen als vingerafdruk met een geheime sleutel (om het aantal codes per adres te beperken)',
    en: 'The e-mail address you typed, only as a fingerprint made with a secret key (to limit the number of codes per address)',
  },
  session: {
    nl: 'Uw leessessie: een vingerafdruk van het sessietoken en hoe lang de sessie geldig is',
    en: 'Your reading session: a fingerprint of the session token and how long it is valid',
  },
  'audit-trail': {
    nl: 'Auditlog: soort gebeurtenis, tijdstip en kenmerken van organisatie, bericht, afzender en ontvanger; nooit inhoud, adressen of codes',
    en: 'Audit log: kind of event, time and identifiers of organisation, message, sender and recipient; never content, addresses or codes',
  },
  'technical-logs': {
    nl: 'Technische logboeken: methode, pad (met kenmerken, zonder zoekparameters), statuscode, verzoeknummer, duur en foutcodes; geen IP-adres, browsergegevens, inhoud, adressen of codes',
    en: 'Technical logs: method, path (with identifiers, without query parameters), status code, request number, duration and error codes; no IP address, browser details, content, addresses or codes',
  },
  'network-address-hash': {
    nl: 'Uw IP-adres, alleen als vingerafdruk met een geheime sleutel om verzoeken te tellen; het adres zelf wordt nergens opgeslagen',
    en: 'Your IP address, only as a fingerprint made with a secret key to count requests; the address itself is stored nowhere',
  },
  'privacy-proof': {
    nl: 'Als u uw gegevens opvraagt: het e-mailadres dat u bevestigt, een vingerafdruk van de code en van uw sessie',
    en: 'When you ask for your data: the e-mail address you confirm, and fingerprints of the code and of your session',
  },
  'privacy-requests': {
    nl: 'Uw verzoeken over uw gegevens: soort, status, tijden en termijn; zolang een verzoek openstaat ook uw e-mailadres en de gevraagde correctie',
    en: 'Your requests about your data: kind, status, times and deadline; while a request is open also your e-mail address and the correction asked for',
  },
  'mail-opt-out': {
    nl: 'Dat u geen meldingen per e-mail wilt, bewaard als vingerafdruk van uw adres',
    en: 'That you want no notices by e-mail, kept as a fingerprint of your address',
  },
  'phone-book': {
    nl: 'E-mailadres en mobiel nummer van een ontvanger, onthouden in de mailbox van de afzender voor een volgend bericht',
    en: "A recipient's e-mail address and mobile number, remembered in the sender's mailbox for the next message",
  },
};

export const SHARED_WITH: Readonly<Record<SharedWith, Localised>> = {
  'sms-provider': { nl: 'sms-provider', en: 'SMS provider' },
  'mail-provider': { nl: 'e-mailprovider', en: 'e-mail provider' },
  sender: { nl: 'de afzender van het bericht', en: 'the sender of the message' },
};

export const PROCESSOR_ROLES: Readonly<Record<ProcessorRole, Localised>> = {
  hosting: { nl: 'Hosting (servers, database en opslag)', en: 'Hosting (servers, database and storage)' },
  sms: { nl: 'Versturen van sms-codes', en: 'Sending text-message codes' },
  mail: { nl: 'Versturen van e-mail', en: 'Sending e-mail' },
  other: { nl: 'Overige verwerker', en: 'Other processor' },
};

/** Fills `{logDays}` and similar placeholders. */
export function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
