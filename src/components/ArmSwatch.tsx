/**
 * ArmSwatch is the legend key of an arm (or of any series): a short line in its colour and dash pattern, or a filled
 * box. It exists so that every table, legend and heading that names an arm shows the same key as its curve.
 */
import { armStyle } from '../charts/palette';

interface ArmSwatchProps {
  /** palette slot of the arm; or give `colour` (and `dash`) directly */
  slot?: number;
  colour?: string;
  /** SVG stroke-dasharray ('' = solid) */
  dash?: string;
  /** CSS pixels; 36 x 14 beside the explorer's arms, 22–26 x 12 in the trial's tables and legends */
  width?: number;
  height?: number;
  /** a filled box instead of a line (categories such as response codes) */
  box?: boolean;
}

export function ArmSwatch({ slot = 0, colour, dash, width = 36, height = 14, box = false }: ArmSwatchProps) {
  const style = colour === undefined ? armStyle(slot) : { colour, dash: dash ?? '' };
  // Thicker line at the explorer's size; the inset keeps the round of the stroke inside the box.
  const stroke = height >= 14 ? 4 : 3;
  const inset = stroke - 2;
  const mid = height / 2;
  return (
    <svg
      className="swatch"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      aria-hidden="true"
      focusable="false"
    >
      {box ? (
        <rect x={4} y={1} width={width - 10} height={height - 2} rx={2} fill={style.colour} />
      ) : (
        <line
          x1={inset}
          x2={width - inset}
          y1={mid}
          y2={mid}
          stroke={style.colour}
          strokeWidth={stroke}
          strokeDasharray={style.dash || undefined}
        />
      )}
    </svg>
  );
}
