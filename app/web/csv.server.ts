// A statistics table as a CSV file that Excel opens with its Vietnamese intact: UTF-8 with a byte
// order mark, CRLF line ends, fields quoted by papaparse where they need it. Empty cell: no value
// (a public count hidden because it is under 3).
import Papa from 'papaparse';
import type { StatsTable } from '../domain/stats-tables.js';

export const BOM = '\uFEFF';

export function csvText(table: StatsTable): string {
  return BOM + Papa.unparse({ fields: [...table.columns], data: table.rows.map((r) => r.map((c) => (c === null ? '' : c))) }, { newline: '\r\n' });
}

/** The CSV as a download named after the table. */
export function csvResponse(table: StatsTable, name: string): Response {
  return new Response(csvText(table), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="opentex-${name}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
