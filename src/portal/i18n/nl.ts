import type { Messages } from './messages';

/** Dutch texts. Typed as `Messages`, so a missing or extra key fails type-checking. */
export const nl: Messages = {
  appName: 'Sealpost',
  loading: 'Laden…',
  footer: 'Dit bericht is end-to-end versleuteld en wordt in uw browser ontsleuteld.',

  unavailableTitle: 'Dit bericht is niet beschikbaar',
  unavailableBody:
    'De link is misschien onjuist of onvolledig, of het bericht is verlopen of ingetrokken. Hebt u het nog nodig, vraag de afzender dan om het opnieuw te sturen.',
  networkErrorTitle: 'De dienst is niet bereikbaar',
  networkErrorBody: 'Controleer uw internetverbinding en probeer het opnieuw.',
  retry: 'Opnieuw proberen',

  verifyEmailTitle: 'Bevestig uw e-mailadres',
  verifyEmailIntro:
    'U hebt een beveiligd bericht ontvangen. Vul het e-mailadres in waarnaar deze link is gestuurd om het te lezen. Daarna vragen we u om een code.',
  availableUntil: 'Het bericht is beschikbaar tot {date}.',
  emailLabel: 'E-mailadres',
  continue: 'Doorgaan',
  privacyNote:
    'Om u toegang te geven tot dit bericht bewaren we uw naam, uw e-mailadres, uw mobiele nummer als de code per sms wordt gestuurd, en het type browser en apparaat dat u gebruikt. We verwijderen deze gegevens wanneer het bericht verloopt.',
  privacyLink: 'Privacyverklaring',
  emailInvalid: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.',
  sessionEnded: 'Uw sessie is verlopen. Bevestig uw e-mailadres opnieuw om verder te gaan.',

  codeTitle: 'Vul uw code in',
  codeSentSms: 'We hebben een code per sms gestuurd naar het nummer dat eindigt op {hint}.',
  codeSentSmsNoHint: 'We hebben een code per sms gestuurd naar uw mobiele nummer.',
  codeSentEmail: 'We hebben een code gestuurd naar {hint}.',
  codeSentEmailNoHint: 'We hebben een code naar uw e-mailadres gestuurd.',
  codeAccess: 'Vul de toegangscode in die u van de afzender hebt gekregen.',
  codeValidUntil: 'De code is geldig tot {time}.',
  codeLabel: 'Code',
  verify: 'Bevestigen',
  resend: 'Stuur een nieuwe code',
  resendWait: 'Stuur een nieuwe code ({seconds} s)',
  resent: 'We hebben u een nieuwe code gestuurd.',
  differentEmail: 'Ander e-mailadres gebruiken',
  codeFormat: 'De code bestaat uit 6 cijfers.',

  errorInvalidCode: 'Deze code klopt niet.',
  errorInvalidCodeTriesOne: 'Deze code klopt niet. U kunt het nog 1 keer proberen.',
  errorInvalidCodeTriesOther: 'Deze code klopt niet. U kunt het nog {count} keer proberen.',
  errorCodeUsedUp: 'Deze code klopt niet en kan niet meer worden gebruikt. Vraag een nieuwe code aan.',
  errorCodeExpired: 'Deze code is verlopen. Vraag een nieuwe code aan.',
  errorRateLimited: 'Te veel pogingen. Wacht even en probeer het dan opnieuw.',
  errorNetwork: 'De dienst is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.',
  errorGeneric: 'Er ging iets mis. Probeer het opnieuw.',

  lockedTitle: 'Toegang geblokkeerd',
  lockedBody:
    'Er zijn te veel verkeerde codes ingevuld. De toegang tot dit bericht blijft geblokkeerd tot de afzender het opnieuw naar u stuurt. Neem contact op met de afzender.',

  readLoading: 'Het bericht wordt ontsleuteld…',
  decryptFailedTitle: 'Dit bericht kon niet worden ontsleuteld',
  decryptFailedBody:
    'De link is misschien onvolledig. Open het bericht opnieuw vanuit de e-mail, met de hele link. Helpt dat niet, vraag de afzender dan om het opnieuw te sturen.',
  noSubject: '(geen onderwerp)',
  fromLabel: 'Van',
  sentLabel: 'Verzonden',
  bodyFrameTitle: 'Berichttekst',
  imagesBlocked: 'Externe afbeeldingen zijn geblokkeerd om uw privacy te beschermen.',
  showImages: 'Afbeeldingen tonen',

  attachmentsTitle: 'Bijlagen ({count})',
  download: 'Downloaden',
  downloadAttachment: '{name} downloaden',
  downloadProgress: '{name} wordt gedownload',
  downloadDone: 'Gedownload',
  downloadFailed: '{name} kon niet veilig worden gedownload. Er is niets opgeslagen. Probeer het opnieuw.',
};
