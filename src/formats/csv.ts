/**
 * CSV fields, shared by the app's exports and the command line. Pure: no DOM.
 *
 * One field of a CSV row (RFC 4180): quoted when it holds a comma, a quote or a line break. Text that a spreadsheet
 * would run as a formula (starting with = + - @, a tab or a carriage return: arm names come from links) gets a leading
 * apostrophe, so it opens as text; numbers are written as they are.
 */
export function csvField(value: string | number): string {
  const s = typeof value === 'number' ? String(value) : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
