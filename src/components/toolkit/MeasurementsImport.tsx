/**
 * MeasurementsImport is the toolkit's "your own data": a file chooser for a CSV of measurements, what was read (how
 * many points are shown) and each row left out with its reason, in the page's language. The charts draw the points.
 */
import { useId } from 'react';
import { useLanguage, useT } from '../../i18n';
import { useMeasurements } from '../../store/measurements';

export function MeasurementsImport() {
  const t = useT();
  const id = useId();
  const language = useLanguage((s) => s.language);
  const { fileName, status, rows, problems, error, load, clear } = useMeasurements();
  return (
    <div className="measurements-import" data-testid="measurements">
      <h3>{t('data.title')}</h3>
      <p className="hint">{t('data.intro')}</p>
      <label htmlFor={id} className="file-button">
        {t('data.choose')}
      </label>
      <input
        id={id}
        type="file"
        accept=".csv,text/csv"
        data-testid="measurements-file"
        onChange={async (e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          if (!file) return;
          await load(file.name, await file.text());
          input.value = '';
        }}
      />
      {fileName ? (
        <button type="button" data-testid="measurements-clear" onClick={clear}>
          {t('data.clear')}
        </button>
      ) : null}
      <p role="status" data-testid="measurements-status">
        {status === 'reading' && fileName
          ? t('data.reading', { file: fileName })
          : status === 'read' && fileName
            ? t('data.read', { file: fileName, rows: rows.length })
            : status === 'error'
              ? t('data.error', { message: error ?? '' })
              : ''}
      </p>
      {problems.length > 0 ? (
        <div data-testid="measurements-problems">
          <p>{t('data.problems', { count: problems.length })}</p>
          <ul>
            {problems.map((p) => (
              <li key={`${p.line}:${p.message}`}>{language === 'ja' ? p.messageJa : p.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
