/**
 * The fixed sentences of the privacy notice, in Dutch and English. Everything about *which* data
 * comes from the inventory; these texts only connect it. `{name}` style placeholders are filled
 * by notice.ts.
 */
import type { Locale, ProcessorRole } from './types';

export interface NoticeTexts {
  title: string;
  otherLanguage: string;
  placeholderWarning: string;
  controllerHeading: string;
  controllerText: string;
  dpoText: string;
  contactText: string;
  cannotSeeHeading: string;
  cannotSee: string[];
  sendersHeading: string;
  sendersIntro: string;
  noPassword: string;
  recipientsHeading: string;
  recipientsIntro: string;
  tableHead: [string, string, string, string];
  tableCaptionSenders: string;
  tableCaptionRecipients: string;
  sharingHeading: string;
  sharingIntro: string;
  processorsIntro: string;
  noProcessors: string;
  receives: string;
  processorExtra: Partial<Record<ProcessorRole, string>>;
  hostingReceives: string;
  senderSees: string;
  transfers: string;
  rightsHeading: string;
  rights: string[];
  howToAsk: string;
  selfService: string;
  selfServiceLink: string;
  selfServiceAfter: string;
  answerTime: string;
  proof: string;
  complaintHeading: string;
  complaintText: string;
  complaintLinkText: string;
  complaintUrl: string;
  securityHeading: string;
  security: string[];
  browserHeading: string;
  browserText: string;
  footer: string;
}

const nl: NoticeTexts = {
  title: 'Privacyverklaring Sealpost',
  otherLanguage: 'English',
  placeholderWarning:
    'Let op: deze verklaring bevat nog voorbeeldwaarden. De beheerder van deze installatie moet eerst instellen: {settings}.',
  controllerHeading: 'Wie is verantwoordelijk?',
  controllerText:
    '{name}, {address}, is verantwoordelijk voor de persoonsgegevens die Sealpost verwerkt, zoals hieronder beschreven.',
  dpoText: 'Onze functionaris voor gegevensbescherming (FG) is bereikbaar via',
  contactText: 'Voor vragen en verzoeken over uw gegevens kunt u mailen naar',
  cannotSeeHeading: 'Wat wij niet kunnen zien',
  cannotSee: [
    'Sealpost versleutelt het onderwerp, de tekst, de bijlagen en hun bestandsnamen al op de computer van de afzender. Pas in de browser van de ontvanger worden ze weer leesbaar. Wij bewaren alleen de versleutelde versie.',
    'De sleutel bestaat uit twee delen. Het ene deel staat alleen in de link, achter het #-teken; dat deel stuurt een browser nooit naar een server. Daardoor kunnen wij uw berichten niet lezen, en kan iemand die alleen de link in handen krijgt dat ook niet.',
    'Uw IP-adres, de volledige gegevens van uw browser (de user-agent) en codes in leesbare vorm slaan wij nergens op: niet in de database, niet in de opslag en niet in logboeken.',
  ],
  sendersHeading: 'Als u Sealpost gebruikt om te versturen',
  sendersIntro: 'Verstuurt u beveiligde berichten vanuit Outlook, dan bewaren wij het volgende.',
  noPassword: 'Een wachtwoord bewaren wij niet: u logt in met het Microsoft-account van uw organisatie.',
  recipientsHeading: 'Als u een beveiligd bericht ontvangt',
  recipientsIntro: 'Stuurt iemand u een beveiligd bericht, dan bewaren wij het volgende.',
  tableHead: ['Gegevens', 'Waarvoor', 'Grondslag', 'Waar en hoe lang'],
  tableCaptionSenders: 'Gegevens van afzenders',
  tableCaptionRecipients: 'Gegevens van ontvangers',
  sharingHeading: 'Met wie delen wij gegevens?',
  sharingIntro:
    'Wij verkopen geen gegevens en gebruiken ze niet voor reclame. Wij geven gegevens alleen door als dat nodig is om de dienst te leveren, of als de wet ons daartoe verplicht.',
  processorsIntro: 'Deze partijen verwerken gegevens in onze opdracht. Met elk van hen hebben wij een verwerkersovereenkomst.',
  noProcessors: 'Wij schakelen geen andere partijen in die uw gegevens verwerken.',
  receives: 'ontvangt',
  processorExtra: { sms: 'de sms met de code', mail: 'de e-mail met de code' },
  hostingReceives: 'alle gegevens van de dienst die hierboven staan, versleuteld waar dat is vermeld',
  senderSees: 'De afzender van een bericht ziet per ontvanger:',
  transfers:
    'Zit een verwerker buiten de Europese Economische Ruimte, dan geven wij gegevens alleen door met passende waarborgen volgens artikel 46 AVG, zoals de standaardcontractbepalingen van de Europese Commissie.',
  rightsHeading: 'Uw rechten',
  rights: [
    'Inzage: u mag weten welke gegevens wij over u hebben.',
    'Correctie: kloppen uw gegevens niet, bijvoorbeeld uw naam of telefoonnummer, dan passen wij ze aan.',
    'Verwijdering: u kunt ons vragen uw gegevens te wissen.',
    'Bezwaar en intrekken van toestemming: u kunt bezwaar maken tegen verwerking op grond van gerechtvaardigd belang, en toestemming die u gaf kunt u altijd intrekken.',
    'Overdraagbaarheid: u krijgt uw gegevens in een gangbaar, machineleesbaar formaat (JSON), voor uzelf of voor een andere partij.',
  ],
  howToAsk: 'Stuur uw verzoek naar',
  selfService: 'U kunt het ook meteen zelf doen op de pagina',
  selfServiceLink: 'Uw gegevens',
  selfServiceAfter:
    ': na een code per e-mail ziet u alles wat wij bij uw e-mailadres bewaren, downloadt u het als JSON, corrigeert u uw naam, wist u uw gegevens of zet u meldingen per e-mail uit. Een nieuw mobiel nummer gaat naar de organisatie die u berichten stuurt, omdat uw codes naar dat nummer gaan; zij bevestigt het met u. Afzenders zien, downloaden en wissen hun accountgegevens vanuit Outlook; hun naam en e-mailadres komen uit de aanmelding (Microsoft Entra ID) en worden daar gecorrigeerd.',
  answerTime: 'Wij reageren binnen 48 uur nadat wij uw verzoek hebben ontvangen.',
  proof:
    'Zodat niemand anders uw gegevens kan opvragen, vragen wij u aan te tonen dat het e-mailadres of telefoonnummer van u is, bijvoorbeeld met een code. Een kopie van uw identiteitsbewijs hebben wij niet nodig.',
  complaintHeading: 'Een klacht indienen',
  complaintText:
    'Bent u niet tevreden over hoe wij met uw gegevens omgaan? Laat het ons weten. U hebt daarnaast altijd het recht een klacht in te dienen bij de toezichthouder, de',
  complaintLinkText: 'Autoriteit Persoonsgegevens',
  complaintUrl: 'https://autoriteitpersoonsgegevens.nl/',
  securityHeading: 'Hoe wij uw gegevens beschermen',
  security: [
    'Berichten en bijlagen worden op het apparaat van de afzender versleuteld (AES-256-GCM) en pas in de browser van de ontvanger ontsleuteld.',
    'Ons deel van de sleutel bewaren wij zelf ook versleuteld, en wij geven het alleen vrij na een geslaagde tweede factor.',
    'Codes zijn zes cijfers, {codeMinutes} minuten geldig, één keer te gebruiken, met hooguit {triesPerCode} pogingen; na {lockAfterFailures} mislukte pogingen op rij blokkeren wij de toegang tot de afzender die vrijgeeft. Codes bewaren wij alleen als vingerafdruk met een geheime sleutel.',
    'Alle verbindingen zijn versleuteld (HTTPS), en de ontvangstpagina laat geen scripts uit berichten toe.',
  ],
  browserHeading: 'Cookies en opslag in uw browser',
  browserText:
    'Sealpost zelf plaatst geen cookies en gebruikt geen analysediensten of trackers. De ontvangstpagina onthoudt in uw browser alleen de taal die u kiest. Wat de invoegtoepassing in Outlook bewaart, staat in de tabellen hierboven.',
  footer:
    'Deze verklaring wordt automatisch gemaakt uit het gegevensoverzicht van Sealpost (versie {version}). Gaan wij iets anders bewaren, dan verandert deze tekst mee.',
};

const en: NoticeTexts = {
  title: 'Sealpost privacy notice',
  otherLanguage: 'Nederlands',
  placeholderWarning: 'Note: this notice still contains example values. The administrator of this installation must first set: {settings}.',
  controllerHeading: 'Who is responsible?',
  controllerText: '{name}, {address}, is responsible (the controller) for the personal data Sealpost processes, as described below.',
  dpoText: 'Our data protection officer (DPO) can be reached at',
  contactText: 'For questions and requests about your data, e-mail',
  cannotSeeHeading: 'What we cannot see',
  cannotSee: [
    "Sealpost encrypts the subject, the text, the attachments and their file names on the sender's computer. They become readable again only in the recipient's browser. We keep only the encrypted version.",
    'The key has two parts. One part is only in the link, after the # sign; a browser never sends that part to a server. So we cannot read your messages, and neither can someone who only gets hold of the link.',
    'We store your IP address, the full details of your browser (the user agent) and codes in readable form nowhere: not in the database, not in storage and not in logs.',
  ],
  sendersHeading: 'If you use Sealpost to send',
  sendersIntro: 'If you send secure messages from Outlook, we keep the following.',
  noPassword: "We keep no password: you sign in with your organisation's Microsoft account.",
  recipientsHeading: 'If you receive a secure message',
  recipientsIntro: 'If someone sends you a secure message, we keep the following.',
  tableHead: ['Data', 'What for', 'Legal basis', 'Where and how long'],
  tableCaptionSenders: 'Data about senders',
  tableCaptionRecipients: 'Data about recipients',
  sharingHeading: 'Who do we share data with?',
  sharingIntro:
    'We do not sell data or use it for advertising. We pass data on only when that is needed to deliver the service, or when the law requires us to.',
  processorsIntro: 'These parties process data on our behalf. We have a data processing agreement with each of them.',
  noProcessors: 'We use no other parties that process your data.',
  receives: 'receives',
  processorExtra: { sms: 'the text message with the code', mail: 'the e-mail with the code' },
  hostingReceives: "all of the service's data listed above, encrypted where stated",
  senderSees: 'The sender of a message sees, for each recipient:',
  transfers:
    'If a processor is outside the European Economic Area, we pass data on only with appropriate safeguards under article 46 GDPR, such as the European Commission’s standard contractual clauses.',
  rightsHeading: 'Your rights',
  rights: [
    'Access: you may know what data we hold about you.',
    'Rectification: if your data is wrong, for example your name or phone number, we correct it.',
    'Erasure: you can ask us to erase your data.',
    'Objection and withdrawal of consent: you can object to processing based on legitimate interest, and you can always withdraw consent you gave.',
    'Portability: you get your data in a common, machine-readable format (JSON), for yourself or for another party.',
  ],
  howToAsk: 'Send your request to',
  selfService: 'You can also do it yourself at once on the page',
  selfServiceLink: 'Your data',
  selfServiceAfter:
    ': after a code by e-mail you see everything we keep for your e-mail address, download it as JSON, correct your name, erase your data or switch notices by e-mail off. A new mobile number goes to the organisation that sends you messages, because your codes go to that number; it confirms the change with you. Senders see, download and erase their account data from Outlook; their name and address come from the sign-in (Microsoft Entra ID) and are corrected there.',
  answerTime: 'We answer within 48 hours of receiving your request.',
  proof:
    'So that nobody else can obtain your data, we ask you to show that the e-mail address or phone number is yours, for example with a code. We do not need a copy of your identity document.',
  complaintHeading: 'Making a complaint',
  complaintText:
    'Not happy with how we handle your data? Please tell us. You also always have the right to complain to the Dutch supervisory authority, the',
  complaintLinkText: 'Autoriteit Persoonsgegevens',
  complaintUrl: 'https://autoriteitpersoonsgegevens.nl/en',
  securityHeading: 'How we protect your data',
  security: [
    "Messages and attachments are encrypted on the sender's device (AES-256-GCM) and decrypted only in the recipient's browser.",
    'We keep our part of the key encrypted too, and release it only after a successful second factor.',
    'Codes are six digits, valid for {codeMinutes} minutes, single use, with at most {triesPerCode} tries; after {lockAfterFailures} failures in a row we lock access until the sender releases it. We keep codes only as a fingerprint made with a secret key.',
    'All connections are encrypted (HTTPS), and the reading page lets no scripts from messages run.',
  ],
  browserHeading: 'Cookies and storage in your browser',
  browserText:
    'Sealpost itself sets no cookies and uses no analytics or trackers. The reading page remembers only the language you choose, in your browser. What the Outlook add-in keeps is listed in the tables above.',
  footer:
    "This notice is generated from Sealpost's data inventory (version {version}). If we start keeping something else, this text changes with it.",
};

export const NOTICE_TEXTS: Readonly<Record<Locale, NoticeTexts>> = { nl, en };
