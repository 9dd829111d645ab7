/**
 * Widths of chart text, for layouts that must not let text run over text or off the figure: measured by the browser
 * where it can (SVGTextContentElement.getComputedTextLength on the element itself, in its own font), estimated from
 * the characters where it cannot (a DOM without layout, as in unit tests, or before the element is in a document).
 * The estimate errs wide: Latin letters at 0.6 em (0.64 em bold), digits and punctuation at 0.56 em, wide (CJK,
 * full-width) characters at 1 em.
 */

/** Estimated width of `text` in px at `fontSize` px. */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (
      code >= 0x1100 &&
      (code <= 0x115f ||
        (code >= 0x2e80 && code <= 0xa4cf) ||
        (code >= 0xac00 && code <= 0xd7a3) ||
        (code >= 0xf900 && code <= 0xfaff) ||
        (code >= 0xfe30 && code <= 0xfe4f) ||
        (code >= 0xff00 && code <= 0xff60) ||
        (code >= 0xffe0 && code <= 0xffe6))
    )
      em += 1;
    else if (/[0-9.,:;'’·\-–−()[\]/ ]/.test(ch)) em += 0.56;
    else em += bold ? 0.64 : 0.6;
  }
  return em * fontSize;
}

/** The font size of an SVG text element in px (its computed style), or `fallback` where there is none. */
function fontSizeOf(element: SVGTextContentElement, fallback: number): number {
  const attribute = Number.parseFloat(element.getAttribute('font-size') ?? '');
  if (Number.isFinite(attribute) && attribute > 0) return attribute;
  const view = element.ownerDocument?.defaultView;
  const computed = view ? Number.parseFloat(view.getComputedStyle(element).fontSize) : Number.NaN;
  return Number.isFinite(computed) && computed > 0 ? computed : fallback;
}

/**
 * The drawn width of an SVG text element's current text, px: the browser's measure when it gives one, otherwise the
 * estimate in the element's font size (`fallbackSize` when it has none).
 */
export function measuredTextWidth(element: SVGTextContentElement, fallbackSize = 12): number {
  const measured =
    typeof element.getComputedTextLength === 'function' && element.isConnected ? element.getComputedTextLength() : 0;
  if (Number.isFinite(measured) && measured > 0) return measured;
  const bold = (element.getAttribute('font-weight') ?? '') === 'bold';
  return estimateTextWidth(element.textContent ?? '', fontSizeOf(element, fallbackSize), bold);
}

/**
 * `text` broken into at most `maxLines` lines no wider than `maxWidth` (by `width`): at spaces where there are any,
 * anywhere in a word too long for a line (Japanese has no spaces); the last line ends in "…" when the text needs more
 * lines than that. The lines joined with spaces give back the text when nothing was cut.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  width: (s: string) => number,
  maxLines = 2,
): { lines: string[]; cut: boolean } {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  const lines: string[] = [];
  let line = '';
  const push = (s: string) => {
    lines.push(s);
  };
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (width(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) push(line);
    line = '';
    // a word wider than a line: broken between characters
    let rest = word;
    while (width(rest) > maxWidth && rest.length > 1) {
      const chars = [...rest];
      let n = chars.length - 1;
      while (n > 1 && width(chars.slice(0, n).join('')) > maxWidth) n--;
      push(chars.slice(0, n).join(''));
      rest = chars.slice(n).join('');
    }
    line = rest;
  }
  if (line) push(line);
  if (lines.length <= maxLines) return { lines, cut: false };
  const kept = lines.slice(0, maxLines);
  let last = `${kept[maxLines - 1]} ${lines.slice(maxLines).join(' ')}`;
  while (last.length > 1 && width(`${last}…`) > maxWidth) last = [...last].slice(0, -1).join('');
  kept[maxLines - 1] = `${last.trimEnd()}…`;
  return { lines: kept, cut: true };
}
