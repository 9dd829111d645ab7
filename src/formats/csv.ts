/**
 * CSV fields, shared by the app's exports and the command line. Pure: no DOM.
 *
 * One field of a CSV row (RFC 4180), written so that no spreadsheet runs it as a formula (OWASP "CSV injection"):
 *
 * - Control characters other than tab, CR and LF (C0, DEL, C1) are written as `\uXXXX` text, so a file shown in a
 *   terminal (`cat`, `head`) cannot move the cursor, clear the screen or set the title.
 * - A field is neutralised with an apostrophe in front when it starts with = + - @, a tab or a carriage return (a
 *   formula), or with an apostrophe (so that the apostrophe read back is always ours, and the field round-trips: see
 *   readCsvField). The same apostrophe goes right after every ';' or tab that is followed by one of those
 *   characters, for spreadsheets that split on ';' or tabs instead of commas ("a;=1+1" is written "a;'=1+1").
 * - A field is quoted when it holds a separator (',' or ';'), a quote, a tab or a line break.
 *
 * Numbers are written as they are (String(x)): -1.5 is a number, not a formula.
 */

/** C0 controls except tab, LF and CR; DEL; C1 controls. */
const CONTROL = /(?![\t\n\r])\p{Cc}/gu;
/** What makes a cell a formula (or our own apostrophe), at the start of a field or after ';' or a tab. */
const TRIGGER = /^[=+\-@\t\r']/;
const TRIGGER_AFTER_SPLIT = /([;\t])(?=[=+\-@\t\r'])/g;
const NEEDS_QUOTES = /[",;\t\r\n]/;

/** Control characters as visible `\uXXXX` text (JSON's notation). */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  let s = escapeControls(value).replace(TRIGGER_AFTER_SPLIT, "$1'");
  if (TRIGGER.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * The text a field written by csvField stands for, from the field as a CSV reader returns it (quotes already
 * removed): the neutralising apostrophes taken out again. For text without control characters,
 * readCsvField(unquoted(csvField(x))) === x.
 */
export function readCsvField(cell: string): string {
  const body = cell.startsWith("'") ? cell.slice(1) : cell;
  return body.replace(/([;\t])'/g, '$1');
}

/** Splits CSV text (RFC 4180: quoted fields, "" for a quote, CRLF or LF line ends) into rows of raw cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else cell += c;
      i += 1;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      if (c === '\r') i += 1;
    } else cell += c;
    i += 1;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
