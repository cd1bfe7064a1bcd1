/**
 * The GSM 03.38 default alphabet. A text made only of these characters travels as GSM-7, where
 * one SMS holds 160 characters; a single other character switches the whole message to UCS-2
 * and 70 characters, which would split a code message in two and can garble it on old phones.
 */
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** These need an escape character, so each one costs two of the 160. */
const EXTENSION = '\f^{}\\[~]|€';

const basicSet = new Set(BASIC);
const extensionSet = new Set(EXTENSION);

/** Whether every character of `text` is in the GSM-7 default alphabet or its extension table. */
export function isGsm7(text: string): boolean {
  for (const char of text) if (!basicSet.has(char) && !extensionSet.has(char)) return false;
  return true;
}

/** Septets `text` needs as GSM-7 (extension characters count twice), or undefined if it is not GSM-7. */
export function gsm7Length(text: string): number | undefined {
  let length = 0;
  for (const char of text) {
    if (basicSet.has(char)) length += 1;
    else if (extensionSet.has(char)) length += 2;
    else return undefined;
  }
  return length;
}
