// RFC 4180 CSV as spreadsheets write it: comma-separated, fields quoted with `"` when they hold a
// comma, quote or line break (a quote doubled inside), records ended by CRLF or LF. A UTF-8 byte
// order mark before the header is skipped, and written on export so spreadsheets read UTF-8.

/** One record of a file and the line it starts on (1-based; a quoted field may span lines). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export type CsvParse = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

/** Splits CSV text into records; a blank line is no record. */
export function parseCsv(text: string): CsvParse {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 1;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else if (c === '\r' && src[i + 1] === '\n') {
        // A line break inside a value is kept as LF, whichever the file uses between records.
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
    }
  }
  if (quoted) return { ok: false, line: quoteLine, message: 'A quoted field is never closed' };
  if (field !== '' || fields.length > 0) endRecord();
  return { ok: true, records };
}

// Spreadsheets run a cell starting with these as a formula (CSV injection). Spreadsheets in
// locales whose list separator is `;` (Excel in much of Europe) split an unquoted cell at each `;`,
// so a part after a `;` starts a cell of its own there. Export puts a `'` before a cell starting
// with these, or holding a `;` followed by one of them (and before one already starting with `'`),
// and quotes every cell holding a `;`, so no part of it starts a cell; import drops exactly that `'`.
const GUARDED = /^[=+\-@\t\r']|;[=+\-@\t\r]/;

/** A value as an exported cell: guarded against formulas, quoted when it must be. */
export function csvCell(value: string): string {
  const guarded = GUARDED.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/** An imported cell's value: the export's formula guard removed, surrounding spaces trimmed. */
export function cellValue(cell: string): string {
  const unguarded = cell.startsWith("'") && GUARDED.test(cell.slice(1)) ? cell.slice(1) : cell;
  return unguarded.trim();
}

/** One exported record, CRLF-terminated. */
export function csvRow(values: readonly string[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** The byte order mark that tells spreadsheets the file is UTF-8. */
export const CSV_BOM = '\uFEFF';
