/**
 * Roman numerals, as some councils number their items ("IV. Budgetopfølgning"). Only the
 * canonical forms count, so that "IIII" or a lettered list ("C.", "D.") is not taken for one.
 */

const values: ReadonlyArray<readonly [string, number]> = [
  ['C', 100],
  ['XC', 90],
  ['L', 50],
  ['XL', 40],
  ['X', 10],
  ['IX', 9],
  ['V', 5],
  ['IV', 4],
  ['I', 1],
];

/** Writes 1–399 as a Roman numeral ("XIV"). */
export function toRoman(value: number): string {
  let rest = value;
  let roman = '';
  for (const [symbol, amount] of values) {
    while (rest >= amount) {
      roman += symbol;
      rest -= amount;
    }
  }
  return roman;
}

/** The value of an upper-case Roman numeral in canonical form, or null. */
export function fromRoman(text: string): number | null {
  if (!/^[IVXLC]{1,9}$/u.test(text)) return null;
  let value = 0;
  let index = 0;
  for (const [symbol, amount] of values) {
    while (text.startsWith(symbol, index)) {
      value += amount;
      index += symbol.length;
    }
  }
  return index === text.length && value > 0 && toRoman(value) === text ? value : null;
}
