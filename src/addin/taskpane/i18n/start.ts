import type { Locale } from '../../../client/i18n/messages';

/**
 * The texts of the screens before sign-in (starting, service unreachable, sign-in) in both
 * languages. They are part of the pane's first bundle, so the first screen never waits for a
 * language chunk; the rest of each language (`en.ts`, `nl.ts`, which include these) is a chunk of
 * its own, loaded with the signed-in screens.
 */
export const startEn = {
  appName: 'Sealpost',
  loading: 'Loading…',
  serviceUnreachable: 'The Sealpost service could not be reached. Check your connection and try again.',
  retry: 'Try again',
  signInTitle: 'Sign in to Sealpost',
  signInIntro: 'Sign in to check this message and send it securely.',
  signInDevelopment: 'Development sign-in as {name} ({email}).',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  signInCancelled: 'Sign-in was cancelled.',
  signInUnavailable: 'Sign-in could not be completed: the service or Microsoft could not be reached. Try again.',
  signInNotConfigured: 'Sign-in for Sealpost has not been set up for your organisation. Contact your administrator.',
  signInFailed: 'Sign-in did not work. Try again.',
  signInAgain: 'Your sign-in has ended. Sign in again to continue.',
};

export type StartKey = keyof typeof startEn;
export type StartMessages = { readonly [K in StartKey]: string };

export const startNl: StartMessages = {
  appName: 'Sealpost',
  loading: 'Laden…',
  serviceUnreachable: 'De Sealpost-dienst is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.',
  retry: 'Opnieuw proberen',
  signInTitle: 'Aanmelden bij Sealpost',
  signInIntro: 'Meld u aan om dit bericht te controleren en veilig te versturen.',
  signInDevelopment: 'Ontwikkelaanmelding als {name} ({email}).',
  signIn: 'Aanmelden',
  signingIn: 'Bezig met aanmelden…',
  signInCancelled: 'Het aanmelden is geannuleerd.',
  signInUnavailable: 'Aanmelden is niet gelukt: de dienst of Microsoft was niet bereikbaar. Probeer het opnieuw.',
  signInNotConfigured: 'Aanmelden bij Sealpost is voor uw organisatie nog niet ingesteld. Neem contact op met uw beheerder.',
  signInFailed: 'Aanmelden is niet gelukt. Probeer het opnieuw.',
  signInAgain: 'Uw aanmelding is verlopen. Meld u opnieuw aan om verder te gaan.',
};

export const startMessages: Readonly<Record<Locale, StartMessages>> = { en: startEn, nl: startNl };
