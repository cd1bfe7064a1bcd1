/**
 * The texts Sealpost sends, in Dutch and English. Pure functions of locale and values: the
 * service never puts anything else (a subject, a body, a file name) into an SMS or e-mail.
 */
export type Locale = 'nl' | 'en';

/** How long a code is valid; the verification service must use the same value. */
export const CODE_VALIDITY_MINUTES = 10;

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/**
 * The code by SMS: one GSM-7 segment, the service named first so the phone's preview says who
 * it is from, and no link, because a link next to a code is the pattern of SMS phishing.
 */
export function codeSms(locale: Locale, code: string): string {
  assertCode(code);
  return locale === 'nl'
    ? `Sealpost: uw verificatiecode is ${code}. Deze code is ${CODE_VALIDITY_MINUTES} minuten geldig. Deel hem met niemand; Sealpost vraagt er nooit om.`
    : `Sealpost: your verification code is ${code}. It is valid for ${CODE_VALIDITY_MINUTES} minutes. Do not share it; Sealpost never asks for it.`;
}

/** The code by e-mail; the code stays out of the subject so lock-screen previews do not show it. */
export function codeEmail(locale: Locale, code: string): EmailContent {
  assertCode(code);
  const t = locale === 'nl'
    ? {
        subject: 'Uw Sealpost-verificatiecode',
        intro: 'Uw verificatiecode is:',
        use: `Vul deze code in op de Sealpost-pagina waar u erom vroeg. De code is ${CODE_VALIDITY_MINUTES} minuten geldig en werkt één keer.`,
        never: 'Medewerkers van Sealpost vragen nooit naar deze code, niet telefonisch, niet per e-mail en ook niet op een andere manier. Deel hem met niemand.',
        ignore: 'Heeft u geen code aangevraagd? Dan kunt u deze e-mail negeren.',
      }
    : {
        subject: 'Your Sealpost verification code',
        intro: 'Your verification code is:',
        use: `Enter this code on the Sealpost page where you asked for it. The code is valid for ${CODE_VALIDITY_MINUTES} minutes and works once.`,
        never: 'Sealpost staff will never ask you for this code, not by phone, not by e-mail, not in any other way. Do not share it with anyone.',
        ignore: 'Did you not ask for a code? Then you can ignore this e-mail.',
      };
  return {
    subject: t.subject,
    text: `${t.intro} ${code}\n\n${t.use}\n\n${t.never}\n\n${t.ignore}\n`,
    html: page(locale, [
      paragraph(t.intro),
      codeParagraph(code),
      paragraph(t.use),
      paragraph(t.never),
      paragraph(t.ignore),
    ]),
  };
}

/** Tells a recipient that a secure message is waiting (for flows where the service sends the link). */
export function messageWaitingEmail(locale: Locale, values: { senderName: string; url: string }): EmailContent {
  // A name with a line break must not be able to add headers or fake lines in the text.
  const sender = values.senderName.replace(/[\r\n\t]+/g, ' ').trim().slice(0, 200);
  const url = safeUrl(values.url);
  const t = locale === 'nl'
    ? {
        subject: `${sender} heeft u een beveiligd bericht gestuurd`,
        intro: `${sender} heeft u via Sealpost een beveiligd bericht gestuurd.`,
        open: 'Bericht openen',
        how: 'Voordat u het bericht kunt lezen, vragen we u te bevestigen wie u bent. Na de vervaldatum wordt het bericht verwijderd.',
        never: 'Medewerkers van Sealpost vragen nooit naar een verificatiecode.',
      }
    : {
        subject: `${sender} sent you a secure message`,
        intro: `${sender} sent you a secure message through Sealpost.`,
        open: 'Open the message',
        how: 'Before you can read it, we ask you to confirm who you are. The message is deleted when it expires.',
        never: 'Sealpost staff will never ask you for a verification code.',
      };
  return {
    subject: t.subject,
    text: `${t.intro}\n\n${t.open}: ${url}\n\n${t.how}\n\n${t.never}\n`,
    html: page(locale, [
      paragraph(t.intro),
      `<p><a href="${escapeHtml(url)}">${escapeHtml(t.open)}</a></p>`,
      paragraph(t.how),
      paragraph(t.never),
    ]),
  };
}

/** The code that proves an address for a request about one's own data (see, export, correct, erase). */
export function privacyCodeEmail(locale: Locale, code: string): EmailContent {
  assertCode(code);
  const t = locale === 'nl'
    ? {
        subject: 'Uw Sealpost-code voor uw gegevens',
        intro: 'U vroeg om uw gegevens bij Sealpost in te zien of te wijzigen. Uw code is:',
        use: `Vul deze code in op de pagina "Uw gegevens". De code is ${CODE_VALIDITY_MINUTES} minuten geldig en werkt één keer.`,
        ignore: 'Heeft u dit niet gevraagd? Dan kunt u deze e-mail negeren; zonder de code kan niemand uw gegevens zien.',
      }
    : {
        subject: 'Your Sealpost code for your data',
        intro: 'You asked to see or change your data at Sealpost. Your code is:',
        use: `Enter this code on the "Your data" page. The code is valid for ${CODE_VALIDITY_MINUTES} minutes and works once.`,
        ignore: 'Did you not ask for this? Then you can ignore this e-mail; without the code nobody can see your data.',
      };
  return {
    subject: t.subject,
    text: `${t.intro} ${code}\n\n${t.use}\n\n${t.ignore}\n`,
    html: page(locale, [
      paragraph(t.intro),
      codeParagraph(code),
      paragraph(t.use),
      paragraph(t.ignore),
    ]),
  };
}

/**
 * A product e-mail to the sender: a recipient opened a secure message for the first time. It
 * names no recipient and no content, only the date of the message, and it can be switched off.
 */
export function messageOpenedEmail(locale: Locale, values: { sentAt: Date; unsubscribeUrl: string }): EmailContent {
  const when = values.sentAt.toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });
  const url = safeUrl(values.unsubscribeUrl);
  const t = locale === 'nl'
    ? {
        subject: 'Uw beveiligde bericht is geopend',
        intro: `Een ontvanger heeft uw beveiligde bericht van ${when} geopend.`,
        where: 'In Outlook ziet u in het Sealpost-venster per ontvanger wat er met het bericht is gebeurd.',
        off: 'Wilt u deze meldingen niet meer ontvangen? Zet ze uit via',
      }
    : {
        subject: 'Your secure message was opened',
        intro: `A recipient opened your secure message of ${when}.`,
        where: 'In Outlook, the Sealpost pane shows per recipient what happened to the message.',
        off: 'No longer want these notices? Switch them off at',
      };
  return {
    subject: t.subject,
    text: `${t.intro}\n\n${t.where}\n\n${t.off} ${url}\n`,
    html: page(locale, [paragraph(t.intro), paragraph(t.where), `<p>${escapeHtml(t.off)} <a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`]),
  };
}

/** The code itself, large and spaced, in an HTML e-mail. */
function codeParagraph(code: string): string {
  return `<p style="font-size:28px;font-weight:bold;letter-spacing:4px;font-family:monospace">${escapeHtml(code)}</p>`;
}

function assertCode(code: string): void {
  if (!/^[0-9]{6}$/.test(code)) throw new Error('A verification code is six digits.');
}

function safeUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('The message link must be http(s).');
  return parsed.href;
}

function paragraph(text: string): string {
  return `<p>${escapeHtml(text)}</p>`;
}

function page(locale: Locale, body: string[]): string {
  const style = 'font-family:Segoe UI,Arial,sans-serif;font-size:15px;color:#222';
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"></head><body style="${style}">${body.join('')}</body></html>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
