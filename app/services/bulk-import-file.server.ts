// Reading an uploaded file of offers into rows of text, with exceljs (XLSX) and papaparse (CSV),
// and writing the template. Only here does the import touch a file format.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Sheet } from '../domain/bulk-import.js';
import { importFileType, templateRows } from '../domain/bulk-import.js';
import { invalidField } from './errors.js';

/** The first worksheet (XLSX) or the CSV (UTF-8, with or without BOM; comma or semicolon) as text. */
export async function readSheet(file: { name: string; bytes: Uint8Array }): Promise<Sheet> {
  const type = importFileType(file.name);
  if (type === null) throw invalidField('file', 'import_file_type');
  try {
    const rows = type === 'csv' ? readCsv(file.bytes) : await readXlsx(file.bytes);
    const [headers = [], ...rest] = rows;
    return { headers, rows: rest };
  } catch (error) {
    console.warn(`Bulk import: could not read ${type} file: ${error instanceof Error ? error.message : String(error)}`);
    throw invalidField('file', 'import_unreadable');
  }
}

function readCsv(bytes: Uint8Array): string[][] {
  // TextDecoder drops a leading BOM; a file that is not UTF-8 is refused rather than garbled.
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  if (parsed.errors.some((e) => e.type === 'Quotes')) throw new Error(parsed.errors[0]!.message);
  return parsed.data.map((r) => r.map((c) => c.normalize('NFC')));
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 1); c++) cells.push((row.getCell(c).text ?? '').normalize('NFC'));
    rows.push(cells);
  }
  return rows;
}

/** The template in the reader's language: the headers and one example row. */
export async function importTemplate(format: 'csv' | 'xlsx', lang: 'vi' | 'en'): Promise<{ body: Uint8Array<ArrayBuffer>; type: string; name: string }> {
  const rows = templateRows(lang);
  const name = lang === 'vi' ? 'mau-nhap-chao-ban' : 'offer-import-template';
  if (format === 'csv') {
    // With a BOM, so that Excel opens the Vietnamese text as UTF-8.
    return { body: new TextEncoder().encode(`\ufeff${Papa.unparse(rows)}\r\n`), type: 'text/csv; charset=utf-8', name: `${name}.csv` };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(lang === 'vi' ? 'Chào bán' : 'Offers');
  for (const row of rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((col) => {
    col.width = 24;
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return { body: new Uint8Array(buffer as ArrayBuffer), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', name: `${name}.xlsx` };
}
