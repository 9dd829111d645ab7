/**
 * Upgrades of old links. `migrations[n]` turns the parameters of a version-n link into version n + 1; the decoder
 * applies them in turn, from the link's version up to the current one, before it reads any field. A migration gets
 * its own copy of the parameters, may return the same object changed or a new one, and need not touch 'v' (the
 * decoder keeps track of the version). What it had to reinterpret it reports as a notice (code 'migrated'), so that a
 * value never silently changes meaning.
 *
 * Version 2 (current): `pge2cut` is in pg/mL. Version 1 links were written both before plasma PGE2 had a unit (the
 * cut-off relative to an NRF2-wild-type tumour, 0.1..50, default 3) and after (pg/mL, 1..1000, default 100), with no
 * way to tell them apart but the value; migrations[1] reads a value in the old range's meaningful part as relative.
 * When the format changes again: bump FORMAT_VERSION in encode.ts, add `migrations[2]` here, and keep a v2 link in the
 * tests to show it still opens.
 */
import type { FieldError } from './fieldError';

export type Migration = (params: URLSearchParams, notices: FieldError[]) => URLSearchParams;
export type MigrationRegistry = Readonly<Record<number, Migration>>;

/** Links without a 'v' parameter are read as this version: the first published format, which is version 1. */
export const FIRST_VERSION = 1;

/**
 * A version-1 `pge2cut` below this is the old relative unit: in pg/mL it would lie below every host's own plasma PGE2
 * (healthy plasma 25–60 pg/mL, the range of `pge2PlasmaBaseline`), so it could split no trial; the old relative
 * scale never went meaningfully above it (an NRF2-active tumour is 5x the wild type).
 */
export const PGE2_RELATIVE_BELOW = 25;

/**
 * Old relative PGE2 to pg/mL: the plasma level of a tumour of the trial's median baseline size (1e10 cells) whose
 * COX-2 activity is that many times the NRF2-wild-type one: host baseline 40 pg/mL + 7e-3 pg/cell/day x 1e10 cells /
 * (4832 L/day x 1000 mL/L) = 40 + 14.5 x relative (docs/model.md, "Biomarkers").
 */
export function pge2RelativeToPgMl(relative: number): number {
  return Math.round(10 * (40 + 14.5 * relative)) / 10;
}

export const migrations: MigrationRegistry = {
  1: (params, notices) => {
    const text = params.get('pge2cut');
    if (text === null) return params;
    const value = Number(text);
    if (!(text.trim() !== '' && Number.isFinite(value) && value < PGE2_RELATIVE_BELOW)) return params;
    const pgMl = pge2RelativeToPgMl(value);
    params.set('pge2cut', String(pgMl));
    notices.push({
      field: 'cohort.pge2Cutoff',
      code: 'migrated',
      message:
        `PGE2 cut-off (pge2cut) ${text} comes from an older link, when it was relative to an NRF2-wild-type tumour; ` +
        `plasma PGE2 is now in pg/mL, so it is read as ${pgMl} pg/mL (the plasma level of a 10 cm3 tumour with that ` +
        'relative COX-2 activity). Check the cut-off before comparing results.',
      messageJa:
        `PGE2 カットオフ（pge2cut）${text} は、NRF2 野生型腫瘍に対する相対値だった古いリンクのものです。` +
        `血漿 PGE2 は現在 pg/mL で表すため、${pgMl} pg/mL（その相対 COX-2 活性をもつ 10 cm3 の腫瘍の血漿濃度）として読みました。` +
        '結果を比べる前にカットオフを確認してください。',
    });
    return params;
  },
};
