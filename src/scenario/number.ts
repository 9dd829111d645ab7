/** How a link's numbers are read: shared by the codec and the analysis settings (tool.ts). */

/** A decimal number as people and String(x) write it: no hex, no 'Infinity', no spaces, no leading '+'. */
export const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** True when a decimal number has a non-zero digit before its exponent (so it does not denote zero). */
function nonZeroDigits(text: string): boolean {
  return /[1-9]/.test(text.replace(/e.*$/i, ''));
}

/**
 * The number a text denotes, or undefined if it is not a finite decimal number. -0 reads as 0. A non-zero number too
 * small for a double (1e-400, which Number() reads as 0) is undefined too: silently reading it as 0 would change
 * the scenario without a word.
 */
export function parseNumber(text: string): number | undefined {
  if (!NUMBER.test(text)) return undefined;
  const x = Number(text);
  if (x === 0 && nonZeroDigits(text)) return undefined;
  return Number.isFinite(x) ? x + 0 : undefined;
}
