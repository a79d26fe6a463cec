import { CUSTOMER_LIMITS } from '@parley/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CustomersWorld, codeOf, customersWorld } from './test-support.ts';

let w: CustomersWorld;

beforeAll(async () => {
  w = await customersWorld();
  await w.defineAttribute('Customer tier', 'list', ['Standard', 'Plus', 'Premium']);
  await w.defineAttribute('VIP', 'yes_no');
  await w.defineAttribute('Lifetime value', 'number');
  await w.defineAttribute('Contract renewal', 'date');
  await w.defineAttribute('Notes', 'text');
});
afterAll(async () => {
  await w.app.close();
});

const importCsv = (csv: string) => w.call(w.supervisor, 'POST', '/api/customers/import', { csv });

async function customerCount(): Promise<number> {
  const { rows } = await w.db.pool.query<{ n: number }>('select count(*)::int as n from customers');
  return rows[0]?.n ?? 0;
}

async function exportCsv(): Promise<string> {
  const res = await w.app.inject({
    method: 'GET',
    url: '/api/customers/export',
    headers: w.supervisor.headers,
  });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  expect(res.headers['content-disposition']).toMatch(
    /^attachment; filename="customers-\d{4}-\d{2}-\d{2}\.csv"$/,
  );
  return res.body;
}

describe('CSV import', () => {
  it('imports every row: quoted fields, line breaks inside quotes, CRLF, a byte order mark', async () => {
    const csv = [
      '\uFEFFname,Gender,city,country,destinations,tags,customer tier,VIP,Lifetime value,Contract renewal,Notes',
      'Ivana Kovačić,female,Zagreb,Croatia,SMS:+385 91 222 0001;EMAIL:Ivana@Example.com,VIP;Newsletter,premium,yes,1200.50,2027-03-31,"Prefers e-mail, never calls"',
      '"O\'Brien, Sean",MALE,Dublin,Ireland,WHATSAPP:353871112222,,Standard,no,-15,,"Line one',
      'line two"',
      ',,,,TELEGRAM:anon_tg,,,,,,',
    ].join('\r\n');
    const res = await importCsv(csv);
    expect(res.body).toEqual({ created: 3 });
    const ivana = (await w.call(w.agent, 'GET', '/api/customers?q=kova%C4%8Di%C4%87')).body.items[0];
    expect(ivana).toMatchObject({
      name: 'Ivana Kovačić',
      gender: 'FEMALE',
      destinations: [
        { channel: 'SMS', address: '385912220001' },
        { channel: 'EMAIL', address: 'ivana@example.com' },
      ],
      tags: ['Newsletter', 'VIP'],
      attributes: {
        'Customer tier': 'Premium',
        VIP: true,
        'Lifetime value': 1200.5,
        'Contract renewal': '2027-03-31',
        Notes: 'Prefers e-mail, never calls',
      },
    });
    const sean = (await w.call(w.agent, 'GET', '/api/customers?q=sean')).body.items[0];
    expect(sean.attributes).toEqual({
      'Customer tier': 'Standard',
      VIP: false,
      'Lifetime value': -15,
      Notes: 'Line one\nline two',
    });
    const anon = (await w.call(w.agent, 'GET', '/api/customers?q=anon_tg')).body.items[0];
    expect(anon).toMatchObject({ name: null, destinations: [{ channel: 'TELEGRAM', address: 'anon_tg' }] });
  });

  it('reports every bad row with its line and imports nothing', async () => {
    await w.createCustomer({
      name: 'Existing Owner',
      destinations: [{ channel: 'SMS', address: '385913330000' }],
    });
    const before = await customerCount();
    const csv = [
      'name,destinations,VIP,Contract renewal,customer tier',
      'Good One,SMS:385913330001,yes,2026-01-01,Plus',
      'Bad Vip,,maybe,,',
      'Bad Date,,,2026-02-30,',
      '"Two',
      'Lines",FAX:123,,,Gold',
      'Duplicate,SMS:+385 91 333 0001,,,',
      'Taken,SMS:385913330000,,,',
      'Short,SMS:385913330009',
      ',,,,',
      'Nameless but fine,,,,',
    ].join('\n');
    const res = await importCsv(csv);
    expect([res.status, codeOf(res)]).toEqual([422, 'validation_failed']);
    expect(res.body.error.details.problems).toEqual([
      { line: 3, message: 'VIP: must be yes or no' },
      { line: 4, message: 'Contract renewal: must be a date written YYYY-MM-DD' },
      {
        line: 5,
        message:
          'Destination "FAX:123" must be CHANNEL:address with a channel of SMS, WHATSAPP, VIBER, FACEBOOK_MESSENGER, TELEGRAM, EMAIL, LIVE_CHAT, RCS, INSTAGRAM_MESSAGING, APPLE_BUSINESS_CHAT, LINE',
      },
      { line: 5, message: 'Customer tier: must be one of "Standard", "Plus", "Premium"' },
      { line: 7, message: 'SMS 385913330001 is also on line 2' },
      { line: 8, message: 'SMS 385913330000 already belongs to Existing Owner' },
      { line: 9, message: 'The row has 2 fields, the header has 5' },
      { line: 10, message: 'The row has neither a name nor a destination' },
    ]);
    expect(res.body.error.message).toMatch(/^Nothing was imported: 8 problems, first on line 3/);
    expect(await customerCount()).toBe(before);
  });

  it('refuses a bad header, an empty file, too many rows and too large a file', async () => {
    const unknown = await importCsv('name,Shoe size\nAnn,42');
    expect(unknown.body.error.details.problems).toEqual([
      {
        line: 1,
        message:
          'Unknown column "Shoe size": use name, gender, city, country, destinations, tags or the name of a defined attribute',
      },
    ]);
    const twice = await importCsv('name,NAME\nAnn,Ann');
    expect(twice.body.error.details.problems).toEqual([{ line: 1, message: 'Column "NAME" appears twice' }]);
    const noName = await importCsv('city\nSplit');
    expect(noName.body.error.details.problems[0].message).toBe(
      'The header needs a "name" or a "destinations" column',
    );
    expect((await importCsv('')).body.error.details.problems[0].message).toMatch(/empty/);
    expect((await importCsv('name\n')).body.error.details.problems[0].message).toMatch(/no rows/);
    const unclosed = await importCsv('name\n"Ann\n');
    expect(unclosed.body.error.details.problems).toEqual([
      { line: 2, message: 'A quoted field is never closed' },
    ]);
    const many = `name\n${'x\n'.repeat(CUSTOMER_LIMITS.importRows + 1)}`;
    const tooMany = await importCsv(many);
    expect([tooMany.status, tooMany.body.error.details.problems[0].message]).toEqual([
      422,
      `At most ${CUSTOMER_LIMITS.importRows} rows per file (this one has ${CUSTOMER_LIMITS.importRows + 1})`,
    ]);
    const huge = await importCsv('x'.repeat(CUSTOMER_LIMITS.importChars + 1));
    expect([huge.status, codeOf(huge)]).toEqual([400, 'validation_failed']);
  });
});

describe('CSV export', () => {
  it('streams every profile in the import columns and round-trips through import', async () => {
    await w.createCustomer({
      name: '=HYPERLINK("evil")',
      city: 'Split',
      destinations: [{ channel: 'LIVE_CHAT', address: 'visitor-1' }],
      tags: ['+plus', "'quoted"],
      attributes: { Notes: 'says "hi",\nthen leaves', 'Lifetime value': -3 },
    });
    const exported = await exportCsv();
    expect(
      exported.startsWith(
        '\uFEFFname,gender,city,country,destinations,tags,Contract renewal,Customer tier,Lifetime value,Notes,VIP\r\n',
      ),
    ).toBe(true);
    // A cell a spreadsheet would run as a formula is guarded.
    expect(exported).toContain(`"'=HYPERLINK(""evil"")",,Split,,LIVE_CHAT:visitor-1,`);

    // Delete everything, import the export, export again: the same file.
    const { rows } = await w.db.pool.query<{ id: string }>('select id from customers');
    for (const { id } of rows) await w.call(w.supervisor, 'DELETE', `/api/customers/${id}`);
    const res = await importCsv(exported);
    expect(res.body).toEqual({ created: rows.length });
    expect(await exportCsv()).toBe(exported);
  });
});
