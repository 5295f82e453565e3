import type { LoaderFunctionArgs } from '@remix-run/node';
import { statsFormatSchema } from '../domain/stats-query.js';
import { tableRecords } from '../domain/stats-tables.js';
import { parsed } from '../web/form-schema.server.js';
import { publicExport } from '../services/market-figures.server.js';
import { apiResponse, methodNotAllowed } from '../web/api.server.js';
import { appContext } from '../web/context.server.js';
import { csvResponse } from '../web/csv.server.js';
import { statsNamer } from '../web/stats-names.server.js';
import { apiLanguage } from '../i18n/language.server.js';

/**
 * GET `/api/v1/stats/:table` (`funnel`, `sectors`, `supply-demand`), open data for anyone: public
 * aggregates with every count under 3 set to null. JSON `{ columns, data }` by default; CSV with
 * `?format=csv`. The dashboard's filters apply (`sector`, `province`, `organisationType`, `period`,
 * `from`, `to`); a wrong one is a 400 naming it.
 */
export const loader = ({ request, params, context }: LoaderFunctionArgs) =>
  apiResponse({ request, context }, async () => {
    const url = new URL(request.url);
    const name = params.table ?? '';
    const table = await publicExport(appContext(context), name, url.searchParams, statsNamer(await apiLanguage(request)));
    const { format } = parsed(statsFormatSchema, { format: url.searchParams.get('format') ?? undefined });
    if (format === 'csv') return csvResponse(table, name);
    return Response.json({ columns: table.columns, data: tableRecords(table) }, { headers: { 'Cache-Control': 'public, max-age=300' } });
  });

export const action = methodNotAllowed;
