// CSV as RFC 4180 writes it (CRLF rows, quoted cells where needed, quotes doubled), safe to open in a spreadsheet:
// a text cell that a spreadsheet would run as a formula (= + - @, or a leading tab or carriage return) gets a
// leading apostrophe, the OWASP mitigation for CSV injection.

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  // Numbers and booleans are written by us, never a formula; only text from content can be one.
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
