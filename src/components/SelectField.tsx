/**
 * A labelled select of the page's controls (class "select": the label's text above the box): the options as
 * [value, text] pairs, the chosen value, and what a change does.
 */
export function SelectField<V extends string>({
  label,
  testId,
  value,
  options,
  onChange,
}: {
  label: string;
  testId: string;
  value: V;
  options: readonly (readonly [V, string])[];
  onChange: (value: V) => void;
}) {
  return (
    <label className="select">
      <span>{label}</span>
      <select data-testid={testId} value={value} onChange={(e) => onChange(e.currentTarget.value as V)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
