import type { LoaderFunctionArgs } from '@remix-run/node';
import { getActor } from '../auth/session.server.js';
import { tableRecords } from '../domain/stats-tables.js';
import { agencyExport } from '../services/market-figures.server.js';
import { apiResponse, methodNotAllowed } from '../web/api.server.js';
import { appContext } from '../web/context.server.js';
import { csvResponse } from '../web/csv.server.js';
import { statsNamer } from '../web/stats-names.server.js';
import { getLanguage } from '../i18n/language.server.js';

/**
 * GET `/curator/stats/:table?…filters&format=csv|json`: one of the agency's tables with the
 * dashboard's filters, as CSV (UTF-8 with BOM, the default) or JSON `{ columns, data }`.
 * Curators only (403; 401 when not signed in); an unknown table or filter is a 400.
 */
export const loader = ({ request, params, context }: LoaderFunctionArgs) =>
  apiResponse({ request, context }, async () => {
    const ctx = appContext(context);
    const url = new URL(request.url);
    const name = params.table ?? '';
    const table = await agencyExport(ctx, await getActor(ctx, request), name, url.searchParams, statsNamer(await getLanguage(request)));
    if (url.searchParams.get('format') === 'json') return Response.json({ columns: table.columns, data: tableRecords(table) }, { headers: { 'Cache-Control': 'no-store' } });
    return csvResponse(table, name);
  });

export const action = methodNotAllowed;
