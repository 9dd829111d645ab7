/**
 * TrialExports is the trial's data as files: the patients (one row per patient and arm), the Kaplan–Meier tables
 * (numbers at risk, events, censored) and the response table, as CSV; it exists so that a run's numbers can be
 * checked or re-analysed elsewhere. The figures save themselves (SVG, PNG: Figure.tsx).
 */
import { memo, useState } from 'react';
import { useCohortT } from '../../i18n/cohort';
import { RESPONSE_CODES } from '../../scenario/catalogue/trial';
import { type TrialStatus, useCohort } from '../../store/cohort';
import { loadChunk } from '../../store/release';
import { kmTables, responseRows, trialFileStem } from './chartData';

/** The CSV writers and the download are loaded at the first export, not with the page. */
const writers = () =>
  loadChunk(async () => {
    const [csv, files] = await Promise.all([import('../../charts/trialCsv'), import('../../charts/export')]);
    return { ...csv, download: files.download };
  });

export const TrialExports = memo(function TrialExports({
  status,
  done,
  total,
  hasStatistics,
}: {
  status: TrialStatus;
  /** patients done, once the run has ended */
  done: number;
  total: number;
  hasStatistics: boolean;
}) {
  const tc = useCohortT();
  const [saved, setSaved] = useState('');
  const running = status === 'running';

  const save = async (what: 'patients' | 'km' | 'responses') => {
    const { block, statistics, scenario } = useCohort.getState();
    if (!block || !statistics || !scenario) return;
    try {
      const w = await writers();
      const names = scenario.arms.map((a) => a.name);
      const text =
        what === 'patients'
          ? w.patientCsv(block, names, RESPONSE_CODES)
          : what === 'km'
            ? w.kmCsv(kmTables(statistics))
            : w.responseCsv(responseRows(statistics), RESPONSE_CODES);
      const file = `${trialFileStem(scenario.cohort?.seed, block.to - block.from)}-${what}.csv`;
      w.download(file, new Blob([text], { type: 'text/csv' }));
      setSaved(tc('export.saved', { file }));
    } catch (error) {
      setSaved(tc('export.failed', { message: error instanceof Error ? error.message : String(error) }));
    }
  };

  return (
    <section className="trial-card trial-exports" aria-labelledby="trial-exports-heading" data-testid="trial-exports">
      <h3 id="trial-exports-heading">{tc('export.heading')}</h3>
      <div className="export-row">
        {(['patients', 'km', 'responses'] as const).map((what) => (
          <button
            key={what}
            type="button"
            data-testid={`trial-export-${what}`}
            disabled={!hasStatistics || running}
            onClick={() => save(what)}
          >
            {tc(`export.${what}`)}
          </button>
        ))}
      </div>
      <p className="hint">
        {running
          ? tc('export.whenDone')
          : status === 'cancelled' || status === 'error'
            ? tc('export.partial', { done, total })
            : tc('export.hint')}
      </p>
      <p className="hint" aria-live="polite" data-testid="trial-export-status">
        {saved}
      </p>
    </section>
  );
});
