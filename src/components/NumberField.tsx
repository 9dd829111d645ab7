/**
 * NumberField is a number input that keeps a draft while typing and commits only valid numbers within limits; it
 * exists so that typing never puts a half-written value into the scenario, and a value that is refused says why
 * next to the field (and keeps saying it after the field shows the kept value again).
 */
import { useEffect, useId, useState } from 'react';
import { locale, useT } from '../i18n';

interface NumberFieldProps {
  label: string;
  value: number;
  min?: number;
  max?: number;
  step?: number;
  unit?: string;
  testId?: string;
  /** a further rule (e.g. stop after start): the reason in words when `v` breaks it, else null */
  check?: (v: number) => string | null;
  /** a note about the committed value that is not an error (e.g. it ends after the horizon) */
  note?: string | null;
  onCommit: (value: number) => void;
}

/**
 * A number input that keeps what is being typed (an empty field, "1.") as a draft and commits each valid number
 * at once; on blur the field shows the committed value again, with the reason beside it when the draft was refused.
 */
export function NumberField({ label, value, min, max, step, unit, testId, check, note, onCommit }: NumberFieldProps) {
  const t = useT();
  const id = useId();
  const errorId = useId();
  const [draft, setDraft] = useState(String(value));
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => {
    if (!editing) setDraft(String(value));
  }, [value, editing]);
  const fmt = (v: number) => v.toLocaleString(locale(), { maximumFractionDigits: 4 });
  const problem = (text: string): string => {
    const kept = fmt(value);
    const v = Number(text);
    if (text.trim() === '' || !Number.isFinite(v)) return t('field.notNumber', { value: kept });
    if (min !== undefined && v < min) return t('field.belowMin', { min: fmt(min), value: kept });
    if (max !== undefined && v > max) return t('field.aboveMax', { max: fmt(max), value: kept });
    return check?.(v) ?? '';
  };
  const describedBy = error || note ? errorId : undefined;
  return (
    <div className="number-field">
      <label htmlFor={id}>{label}</label>
      <span className="inline">
        <input
          id={id}
          type="number"
          inputMode="decimal"
          data-testid={testId}
          value={draft}
          min={min}
          max={max}
          step={step}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onFocus={() => setEditing(true)}
          onBlur={() => {
            setEditing(false);
            setDraft(String(value));
          }}
          onChange={(e) => {
            const text = e.currentTarget.value;
            setDraft(text);
            // a field being cleared to type a new number is not yet wrong
            if (text.trim() === '') {
              setError(t('field.notNumber', { value: fmt(value) }));
              return;
            }
            const why = problem(text);
            setError(why);
            if (!why) onCommit(Number(text));
          }}
        />
        {unit ? <span className="unit">{unit}</span> : null}
      </span>
      <span
        id={errorId}
        className={`field-msg ${error ? 'error' : 'note'}`}
        aria-live="polite"
        data-testid={testId ? `${testId}-error` : undefined}
      >
        {error || note || ''}
      </span>
    </div>
  );
}
