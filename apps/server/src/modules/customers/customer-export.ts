import type { Orm } from '../../platform/db/client.ts';
import { listDefinitions } from './customer-attributes.repo.ts';
import { CSV_BOM, csvRow } from './customer-csv.ts';
import { headerCells, profileCells } from './customer-csv-columns.ts';
import { searchCustomerRows } from './customers.repo.ts';
import { withDetails } from './customers.service.ts';

/** Profiles read per query while exporting. */
const PAGE = 500;

/**
 * Every profile as CSV in the import's columns, by name, produced page by page (keyset) so a
 * large export streams with bounded memory. Pages are separate reads: a profile changed during
 * the export shows as it was when its page was read.
 */
export async function* exportCustomersCsv(orm: Orm): AsyncGenerator<string> {
  const definitions = await listDefinitions(orm);
  yield CSV_BOM + csvRow(headerCells(definitions));
  let after: { name: string; id: string } | undefined;
  for (;;) {
    const rows = await searchCustomerRows(orm, '', PAGE, after);
    if (rows.length === 0) return;
    const profiles = await withDetails(orm, rows);
    yield profiles.map((p) => csvRow(profileCells(p, definitions))).join('');
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) return;
    after = { name: last.name ?? '', id: last.id };
  }
}
