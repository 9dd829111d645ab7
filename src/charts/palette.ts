/**
 * Arm styles: the Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008), black last, and a dash pattern per arm so
 * the curves stay distinguishable in greyscale and on a washed-out projector.
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

/** SVG stroke-dasharray per arm ('' = solid). */
export const DASHES = ['', '8 4', '2 3', '10 3 2 3', '4 4', '12 4 2 4 2 4', '1 5', '6 2'] as const;

export interface ArmStyle {
  colour: string;
  dash: string;
}

/** Style of the arm in slot `slot` (stable per arm, not per position among visible arms). */
export function armStyle(slot: number): ArmStyle {
  const i = ((slot % OKABE_ITO.length) + OKABE_ITO.length) % OKABE_ITO.length;
  return { colour: OKABE_ITO[i], dash: DASHES[i] };
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
function luminance(rgb: number[]): number {
  const [r, g, b] = rgb.map((v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Black or white, whichever contrasts more with the level's fill. Pure black and white keep at least 4.6:1 on every
 * shade of the scale (WCAG AA for the diagram's 15 px labels); a dark blue ink instead of black, switched at level
 * 0.5, fell to 3.4:1 on the middle shades.
 */
export function levelText(level: number): string {
  const fill = levelFill(level).match(/\d+/g)?.map(Number) ?? [0, 0, 0];
  const l = luminance(fill);
  return 1.05 / (l + 0.05) > (l + 0.05) / 0.05 ? '#ffffff' : '#000000';
}
