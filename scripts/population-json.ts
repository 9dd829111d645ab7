/**
 * The JSON text of src/model/trial-population.json as the project's formatter (Biome, biome.json: 2-space indent,
 * line width 120) prints it, so that `npm run calibrate` leaves a file that `npm run lint` accepts as it is.
 *
 * The layout is Biome's for the shapes a JSON file can hold: an object is printed one member a line (Biome keeps an
 * object expanded when its source is, and JSON.stringify's always is; an empty one is `{}`); an array goes on one line
 * when that line, with the comma after it, fits the width; otherwise an array of numbers only fills its lines (as many
 * elements a line as fit), any other array takes one element a line. tests/unit/population-json.test.ts checks this
 * against Biome itself, on the committed file and on arrays at the width's edge.
 */

/** biome.json, "formatter": "lineWidth" and "indentWidth". */
export const LINE_WIDTH = 120;
const INDENT = '  ';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isScalar = (v: Json): v is null | boolean | number | string => v === null || typeof v !== 'object';

/** An array or scalar on one line (objects never are: see above), or null when it holds an object. */
function flat(value: Json): string | null {
  if (isScalar(value)) return JSON.stringify(value);
  if (!Array.isArray(value)) return null;
  const parts: string[] = [];
  for (const v of value) {
    const p = flat(v);
    if (p === null) return null;
    parts.push(p);
  }
  return `[${parts.join(', ')}]`;
}

/**
 * value printed at the given depth; `head` is what precedes it on its line (indent and key), `tail` what follows it
 * (a comma or nothing), both counted against the width.
 */
function print(value: Json, depth: number, head: string, tail: string): string {
  const inner = INDENT.repeat(depth + 1);
  const close = INDENT.repeat(depth);
  if (isScalar(value)) return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const one = flat(value);
    if (one !== null && head.length + one.length + tail.length <= LINE_WIDTH) return one;
    if (value.every((v) => typeof v === 'number')) {
      // fill: each line takes elements while the element and its comma still fit
      const lines: string[] = [];
      let line = '';
      value.forEach((v, i) => {
        const item = `${JSON.stringify(v)}${i < value.length - 1 ? ',' : ''}`;
        if (line === '') line = item;
        else if (inner.length + line.length + 1 + item.length <= LINE_WIDTH) line += ` ${item}`;
        else {
          lines.push(line);
          line = item;
        }
      });
      lines.push(line);
      return `[\n${lines.map((l) => inner + l).join('\n')}\n${close}]`;
    }
    const items = value.map((v, i) => {
      const t = i < value.length - 1 ? ',' : '';
      return `${inner}${print(v, depth + 1, inner, t)}${t}`;
    });
    return `[\n${items.join('\n')}\n${close}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  const members = entries.map(([k, v], i) => {
    const t = i < entries.length - 1 ? ',' : '';
    const key = `${inner}${JSON.stringify(k)}: `;
    return `${key}${print(v, depth + 1, key, t)}${t}`;
  });
  return `{\n${members.join('\n')}\n${close}}`;
}

/** The file's text: `value` in Biome's layout, with a final newline. */
export function populationJson(value: unknown): string {
  // a round trip drops what JSON cannot hold (undefined members, functions), as JSON.stringify would
  return `${print(JSON.parse(JSON.stringify(value)) as Json, 0, '', '')}\n`;
}
