/**
 * NumberField is a number input that keeps a draft while typing and commits only valid numbers within limits; it
 * exists so that typing never puts a half-written value into the scenario.
 */
import { useEffect, useId, useState } from 'react';

interface NumberFieldProps {
  label: string;
  value: number;
  min?: number;
  max?: number;
  step?: number;
  unit?: string;
  testId?: string;
  onCommit: (value: number) => void;
}

/**
 * A number input that keeps what is being typed (an empty field, "1.") as a draft and commits each valid number
 * at once; on blur the field shows the committed value again.
 */
export function NumberField({ label, value, min, max, step, unit, testId, onCommit }: NumberFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(String(value));
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (!editing) setDraft(String(value));
  }, [value, editing]);
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
          onFocus={() => setEditing(true)}
          onBlur={() => {
            setEditing(false);
            setDraft(String(value));
          }}
          onChange={(e) => {
            const text = e.currentTarget.value;
            setDraft(text);
            const v = Number(text);
            if (
              text.trim() !== '' &&
              Number.isFinite(v) &&
              (min === undefined || v >= min) &&
              (max === undefined || v <= max)
            ) {
              onCommit(v);
            }
          }}
        />
        {unit ? <span className="unit">{unit}</span> : null}
      </span>
    </div>
  );
}
