/**
 * Legend is a colour key of lines or boxes with labels; it exists so that every trial figure names its colours the
 * same way.
 */
import { ArmSwatch } from '../ArmSwatch';

/** A colour key: swatches (line or box) with labels. */
export function Legend({
  items,
  label,
}: {
  items: { key: string; label: string; colour: string; dash?: string; box?: boolean }[];
  label: string;
}) {
  return (
    <ul className="trial-legend" aria-label={label}>
      {items.map((item) => (
        <li key={item.key}>
          <ArmSwatch colour={item.colour} dash={item.dash} box={item.box} width={26} height={12} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
