/**
 * The Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008, "Color Universal Design"), black last. Used for the
 * trial's response categories; arms use ARM_COLOURS below.
 */
export const OKABE_ITO = [
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#E69F00', // orange
  '#56B4E9', // sky blue
  '#8a7a00', // yellow, darkened so it reads on white (Okabe–Ito #F0E442 is too light for lines)
  '#000000', // black
] as const;

/**
 * Arm colours, one per arm slot. Okabe–Ito alone gave two oranges and two blues at 8 arms, and its orange and sky
 * blue have less than 3:1 contrast on white. These 8 are taken from published colour-blind-safe palettes:
 * Paul Tol's 'vibrant' blue #0077BB, 'muted' olive #999933, indigo #332288, green #117733 and wine #882255
 * (P. Tol, "Colour schemes", SRON/EPS/TN/09-002, https://personal.sron.nl/~pault/), Okabe–Ito reddish purple
 * #CC79A7 and black, and a mid grey #777777 (chosen: the darkest grey that stays apart from black). They were picked
 * by an exhaustive search over those palettes' colours with at least 3:1 contrast on white (WCAG 2.1 SC 1.4.11) for
 * the 8 whose smallest pairwise CIEDE2000 difference is largest under simulated protanopia, deuteranopia and
 * tritanopia (Machado et al. 2009) while every pair stays at least 22 apart in normal vision. Measured by
 * tests/unit/palette-vision.test.ts: min ΔE00 22 normal, 11 protanopia, 14 deuteranopia, 12 tritanopia.
 */
export const ARM_COLOURS = [
  '#0077BB', // blue (Tol vibrant)
  '#999933', // olive (Tol muted)
  '#000000', // black (Okabe–Ito)
  '#CC79A7', // reddish purple (Okabe–Ito)
  '#117733', // green (Tol muted)
  '#332288', // indigo (Tol muted)
  '#882255', // wine (Tol muted)
  '#777777', // grey
] as const;

/**
 * Colours of the bar charts and the trial's response categories. Okabe–Ito orange #E69F00 (2.25:1) and sky blue
 * #56B4E9 (2.31:1) fall below the 3:1 that WCAG 2.1 SC 1.4.11 asks of graphics on white; these keep Okabe–Ito's blue,
 * vermillion and bluish green (>= 3.4:1), an orange darkened to #B35900 (4.8:1, chosen: Okabe–Ito orange's hue at the
 * lightness of the blue) and a slate grey #5e6875 (5.7:1; the grey #8c96a3 was 3.0:1). Measured by
 * tests/unit/palette-contrast.test.ts (contrast on white, and CIEDE2000 between the colours of one chart in normal
 * vision and under the three simulated dichromacies).
 */
/**
 * The mechanism diagram's level bars and the page's focus ring (styles.css --focus): Okabe–Ito orange darkened to
 * 4.83:1 on white, since #E69F00 (2.25:1) is below WCAG 1.4.11's 3:1 for graphics and focus indicators.
 */
export const LEVEL_BAR_COLOUR = '#B35900';

export const TORNADO_PALETTE = { low: '#0072B2', high: '#D55E00' } as const;
export const SOBOL_PALETTE = { first: '#0072B2', total: '#B35900' } as const;
/** Best overall response: complete, partial, stable, progressive, not evaluable (Tol's wine, 10:1 on white). */
export const RESPONSE_PALETTE = { CR: '#009E73', PR: '#0072B2', SD: '#5e6875', PD: '#D55E00', NE: '#882255' } as const;

/**
 * SVG stroke-dasharray per arm ('' = solid). Solid and patterned arms alternate, and every pair of arms whose colours
 * come closer than ΔE00 15 under some colour-vision deficiency is one solid, one patterned (blue/purple,
 * blue/green, indigo/wine, purple/grey, wine/grey, olive/grey). Patterns are long enough to read at 3 px: no
 * sparse 1 px dots, which vanished on a projector; the one dotted line is the dark wine, and the lightest colour
 * (reddish purple, 3.1:1 on white) gets dashes, not dots.
 */
export const DASHES = ['', '9 4', '', '6 3', '12 3 3 3', '', '2 3', ''] as const;

/** Stroke width (px) of an arm's line in the charts: thick enough for a dash pattern to read on a projector. */
export const ARM_LINE_WIDTH = 3;

export interface ArmStyle {
  colour: string;
  dash: string;
}

/** Style of the arm in slot `slot` (stable per arm, not per position among visible arms). */
export function armStyle(slot: number): ArmStyle {
  const i = ((slot % ARM_COLOURS.length) + ARM_COLOURS.length) % ARM_COLOURS.length;
  return { colour: ARM_COLOURS[i], dash: DASHES[i] };
}

/** Sequential scale for levels 0..1 (light to dark blue), and the text colour readable on it. */
export function levelFill(level: number): string {
  const l = Math.min(1, Math.max(0, level));
  // Interpolate between #f2f6fb (low) and #08306b (high), in RGB.
  const a = [0xf2, 0xf6, 0xfb];
  const b = [0x08, 0x30, 0x6b];
  const c = a.map((v, i) => Math.round(v + (b[i] - v) * l));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

/** Relative luminance (WCAG 2) of an 8-bit sRGB colour. */
function luminance(rgb: readonly number[]): number {
  const [r, g, b] = rgb.map((v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Black or white, whichever contrasts more with the level's fill. Pure black and white keep at least 4.6:1 on every
 * shade of the scale (WCAG AA for the diagram's 15 px labels); a dark blue ink instead of black, switched at level
 * 0.5, fell to 3.4:1 on the middle shades.
 */
export function levelText(level: number): string {
  return inkOn(levelFill(level).match(/\d+/g)?.map(Number) ?? [0, 0, 0]);
}

/** Black or white text, whichever contrasts more (WCAG 2 contrast ratio) with an 8-bit sRGB fill. */
export function inkOn(rgb: readonly number[]): string {
  const l = luminance(rgb);
  return 1.05 / (l + 0.05) > (l + 0.05) / 0.05 ? '#ffffff' : '#000000';
}
