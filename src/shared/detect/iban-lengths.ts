/**
 * IBAN length per country, for every country in the SWIFT IBAN registry (release of 2025), in one
 * compact string: each length as two digits, then the countries of that length.
 */
const REGISTRY =
  '15NO16BE18DKFIFKFOGLNLSD19MKSI20ATBAEEKZLTLUMNXK21CHHRLILV22BGBHCRDEGBGEIEMERSVA23AEGIILIQOMSOTL' +
  '24ADCZESMDPKROSASESKTNVG25LYPTST26ISTR27BIDJFRGRITMCMRSM28ALAZBYCYDOGTHNHULBNIPLSV29BREGPSQAUA30' +
  'JOKWMUYE31MTSC32LC33RU';

export const IBAN_LENGTHS = new Map<string, number>();
for (let i = 0, length = 0; i < REGISTRY.length; i += 2) {
  const pair = REGISTRY.slice(i, i + 2);
  if (pair < 'A') length = Number(pair);
  else IBAN_LENGTHS.set(pair, length);
}
