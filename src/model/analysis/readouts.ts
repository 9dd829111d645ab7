/**
 * A readout is one number read off one arm's simulated result: what a scan plots and a sensitivity analysis ranks.
 * Written as text:
 *
 *   volume@28        tumour volume on day 28 (the series unit: mm3 in mice, cm3-scale in patients; see SERIES_UNITS)
 *   change@28        % change of tumour volume from day 0 to day 28
 *   logvolume@28     log10 of tumour volume on day 28 (+1e-9, so an eradicated tumour reads as -9)
 *   ttp              time to progression, days: the first output day the volume is at least 1.728 × its nadir so far
 *                    (a 20 % larger diameter, RECIST 1.1's progression) after a fall below the day-0 volume, or the
 *                    first day the volume exceeds 1.728 × day 0 when it never falls; the horizon when neither happens
 *   eradication      the probability that the tumour is eradicated, when the model reports one; otherwise 1 if every
 *                    tumour compartment reached zero within the horizon, else 0
 *   toxicity         the IGF-1R inhibitor toxicity index at the horizon (occupancy-days);  toxicity@40  on day 40
 *   <series>@<day>   any output series on a day, e.g. cd8PerTumourCell@14, pge2Plasma@7
 */
import { type ArmResult, SERIES_NAMES, SERIES_UNITS, type SeriesName } from '../series';
import { valueAt } from '../simulate';

export type Readout =
  | { kind: 'series'; series: SeriesName; day: number }
  | { kind: 'change'; day: number }
  | { kind: 'logvolume'; day: number }
  | { kind: 'ttp' }
  | { kind: 'eradication' }
  | { kind: 'toxicity'; day?: number };

/** Diameter ratio 1.2 (RECIST progression) as a volume ratio: 1.2^3. */
export const PROGRESSION_VOLUME_RATIO = 1.728;

const DAY = /^(\d+(?:\.\d+)?)$/;

export function readoutName(r: Readout): string {
  switch (r.kind) {
    case 'series':
      return r.series === 'tumourVolume' ? `volume@${r.day}` : `${r.series}@${r.day}`;
    case 'change':
      return `change@${r.day}`;
    case 'logvolume':
      return `logvolume@${r.day}`;
    case 'ttp':
      return 'ttp';
    case 'eradication':
      return 'eradication';
    case 'toxicity':
      return r.day === undefined ? 'toxicity' : `toxicity@${r.day}`;
  }
}

export function readoutUnit(r: Readout): string {
  switch (r.kind) {
    case 'series':
      return SERIES_UNITS[r.series];
    case 'change':
      return '%';
    case 'logvolume':
      return 'log10 mm3';
    case 'ttp':
      return 'days';
    case 'eradication':
      return 'probability';
    case 'toxicity':
      return SERIES_UNITS.igf1rToxicity;
  }
}

export function parseReadout(text: string): Readout | { error: string } {
  const t = text.trim();
  if (t === 'ttp') return { kind: 'ttp' };
  if (t === 'eradication') return { kind: 'eradication' };
  if (t === 'toxicity') return { kind: 'toxicity' };
  const at = t.indexOf('@');
  const dayText = at >= 0 ? t.slice(at + 1) : '';
  const name = at >= 0 ? t.slice(0, at) : t;
  if (at < 0 || !DAY.test(dayText)) {
    return {
      error: `'${t}' is not a readout; write volume@DAY, change@DAY, logvolume@DAY, ttp, eradication, toxicity[@DAY] or <series>@DAY (series: ${SERIES_NAMES.join(', ')})`,
    };
  }
  const day = Number(dayText);
  if (name === 'volume') return { kind: 'series', series: 'tumourVolume', day };
  if (name === 'change') return { kind: 'change', day };
  if (name === 'logvolume') return { kind: 'logvolume', day };
  if (name === 'toxicity') return { kind: 'toxicity', day };
  if ((SERIES_NAMES as readonly string[]).includes(name)) return { kind: 'series', series: name as SeriesName, day };
  return { error: `unknown series '${name}' in readout '${t}' (series: ${SERIES_NAMES.join(', ')})` };
}

/** The day a readout needs the simulation to reach (0 when it reads the whole horizon). */
export function readoutDay(r: Readout): number {
  return 'day' in r && r.day !== undefined ? r.day : 0;
}

/** Time to progression (see the header), days. */
export function timeToProgression(t: ArrayLike<number>, volume: ArrayLike<number>): number {
  const v0 = volume[0];
  let nadir = v0;
  let fell = false;
  for (let k = 1; k < volume.length; k++) {
    const v = volume[k];
    if (v < nadir) nadir = v;
    if (v < v0) fell = true;
    const reference = fell ? nadir : v0;
    if (reference > 0 && v >= PROGRESSION_VOLUME_RATIO * reference) return t[k];
  }
  return t[t.length - 1];
}

/** The readout of one arm's result. Always finite. */
export function evaluateReadout(r: Readout, arm: ArmResult): number {
  const t = arm.t;
  const volume = arm.series.tumourVolume;
  switch (r.kind) {
    case 'series':
      return valueAt(t, arm.series[r.series], r.day);
    case 'change': {
      const v0 = volume[0];
      return v0 > 0 ? (100 * (valueAt(t, volume, r.day) - v0)) / v0 : 0;
    }
    case 'logvolume':
      return Math.log10(valueAt(t, volume, r.day) + 1e-9);
    case 'ttp':
      return timeToProgression(t, volume);
    case 'eradication': {
      // a model that reports a probability of eradication (a stochastic extinction rule) is read generically
      const p = (arm.summary as unknown as Record<string, unknown>).eradicationProbability;
      if (typeof p === 'number' && Number.isFinite(p)) return p;
      return arm.summary.dayEradicated === null ? 0 : 1;
    }
    case 'toxicity':
      return r.day === undefined ? arm.summary.igf1rToxicity : valueAt(t, arm.series.igf1rToxicity, r.day);
  }
}
