import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, cellValue, csvCell, csvRow, parseCsv } from './customer-csv.ts';

// Values as profiles hold them: trimmed, any characters but CR (a CRLF inside a value reads as LF).
const value = fc
  .string({ unit: fc.constantFrom('a', 'Č', ' ', ',', '"', "'", '=', '+', '-', '@', '\n', ';', ':', '\t') })
  .map((s) => s.trim());
const record = fc.array(value, { minLength: 2, maxLength: 6 });

describe('customer CSV', () => {
  it('reads back what it writes, formula guard included', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 8 }), (records) => {
        const parsed = parseCsv(CSV_BOM + records.map(csvRow).join(''));
        expect(parsed.ok && parsed.records.map((r) => r.fields.map(cellValue))).toEqual(records);
      }),
    );
  });

  it('guards cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('+385')).toBe("'+385");
    expect(csvCell("'quoted")).toBe("''quoted");
    expect(csvCell('plain')).toBe('plain');
    expect(cellValue("'+385")).toBe('+385');
    expect(cellValue("'plain")).toBe("'plain");
    // A `;` list separator splits the cell in some locales: a part after it must not run either.
    expect(csvCell('VIP;=HYPERLINK("x")')).toBe('"\'VIP;=HYPERLINK(""x"")"');
    expect(csvCell('a;-1')).toBe(`"'a;-1"`);
    expect(csvCell('a;@b')).toBe(`"'a;@b"`);
    expect(csvCell('a;\tb')).toBe(`"'a;\tb"`);
    expect(csvCell('VIP;Newsletter')).toBe('"VIP;Newsletter"');
    for (const v of ['VIP;=HYPERLINK("x")', 'a;-1', "'a;b", 'VIP;Newsletter']) {
      const parsed = parseCsv(csvRow([v, 'x']));
      expect(parsed.ok && parsed.records[0]?.fields.map(cellValue)).toEqual([v, 'x']);
    }
  });

  it('numbers records by the line they start on and skips blank lines', () => {
    const parsed = parseCsv('a,b\r\n\r\n"x\ny",z\nlast,1');
    expect(parsed).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 3, fields: ['x\ny', 'z'] },
        { line: 5, fields: ['last', '1'] },
      ],
    });
    expect(parseCsv('a\n"open\nstill')).toEqual({
      ok: false,
      line: 2,
      message: 'A quoted field is never closed',
    });
  });
});
