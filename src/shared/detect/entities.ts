/**
 * Named HTML character references that mail bodies actually use: the Latin-1 block (in code point
 * order from U+00A0) plus common punctuation and invisible characters. The full HTML list has over
 * two thousand names; an unknown name is left as text, which cannot hide a number.
 */
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn ' +
  'sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave ' +
  'Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ' +
  'ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN ' +
  'szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute ' +
  'icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml ' +
  'yacute thorn yuml';

const OTHERS: Record<string, number> = {
  amp: 38, lt: 60, gt: 62, quot: 34, apos: 39, tab: 9, newline: 10,
  ensp: 0x2002, emsp: 0x2003, thinsp: 0x2009, zwnj: 0x200c, zwj: 0x200d, lrm: 0x200e, rlm: 0x200f,
  ndash: 0x2013, mdash: 0x2014, lsquo: 0x2018, rsquo: 0x2019, sbquo: 0x201a, ldquo: 0x201c,
  rdquo: 0x201d, bdquo: 0x201e, bull: 0x2022, hellip: 0x2026, euro: 0x20ac, trade: 0x2122,
  minus: 0x2212, NoBreak: 0x2060, ZeroWidthSpace: 0x200b, OElig: 0x152, oelig: 0x153,
  Scaron: 0x160, scaron: 0x161, Yuml: 0x178, fnof: 0x192, dagger: 0x2020, permil: 0x2030,
};

let entities: Map<string, number> | undefined;

/** The code point of a named entity, or -1. The table is built on first use, not at load. */
export function entityCode(name: string): number {
  if (!entities) {
    // Object.keys rather than Object.entries: the Outlook JavaScript-only runtime may predate ES2017.
    const map = new Map<string, number>(Object.keys(OTHERS).map((k) => [k, OTHERS[k]!]));
    LATIN1.split(' ').forEach((name, i) => map.set(name, 0xa0 + i));
    entities = map;
  }
  const code = entities.get(name);
  return code === undefined ? -1 : code;
}

/** Entities that old mail clients write without the closing semicolon, between spaces. */
export const LEGACY_NO_SEMICOLON = ' nbsp amp lt gt quot copy reg ';
