// A bulk-import file, once read into rows of text, checked row by row with the listing's own
// schema (app/domain/listing-input.ts): what the preview shows, and what the import writes.
import { IMPORT_COLUMNS, fieldOfHeader, listingFromCells, type ImportField } from './bulk-import-columns.js';
import { validateListingInput, type ListingInput } from './listing-input.js';
import { problem, type FieldProblems, type Problem } from './problem.js';

/** At most this many offers in one file; a bigger file is refused whole. */
export const MAX_IMPORT_ROWS = 1000;
/** A file of 1,000 rich offers stays well under this. */
export const MAX_IMPORT_FILE_BYTES = 5 * 1024 * 1024;
export const REFERENCE_MAX = 60;

export const IMPORT_MODES = ['draft', 'submit', 'publish'] as const;
/** Drafts; drafts submitted for review at once; or (a curator's migration) published at once. */
export type ImportMode = (typeof IMPORT_MODES)[number];

/** A file as read: its first row of headers and the rows below it, every cell as text. */
export interface Sheet {
  headers: string[];
  rows: string[][];
}

export interface CheckedRow {
  /** The row's number in the spreadsheet (the headers are row 1). */
  row: number;
  reference: string;
  title: string;
  /** The listing to write, or null when the row has errors. */
  input: ListingInput | null;
  errors: FieldProblems;
}

export interface CheckedFile {
  /** Problems of the whole file (too many rows, a required column missing); none writes anything. */
  problems: Problem[];
  rows: CheckedRow[];
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/** Every row checked, each error with its row and field; the file's own problems first. */
export function checkSheet(sheet: Sheet): CheckedFile {
  const fieldAt = sheet.headers.map((h) => fieldOfHeader(h));
  const rows = sheet.rows.map((cells, i) => ({ cells, row: i + 2 })).filter((r) => !isBlank(r.cells));
  const problems: Problem[] = [];
  if (rows.length === 0) problems.push(problem('import_empty'));
  if (rows.length > MAX_IMPORT_ROWS) problems.push(problem('import_too_many_rows', { max: MAX_IMPORT_ROWS, count: rows.length }));
  for (const c of IMPORT_COLUMNS) {
    if (c.required && !fieldAt.includes(c.field)) problems.push(problem('import_missing_column', { vi: c.vi, en: c.en }));
  }
  if (problems.length) return { problems, rows: [] };

  const seen = new Map<string, number>();
  return {
    problems,
    rows: rows.map(({ cells, row }) => {
      const byField: Partial<Record<ImportField, string>> = {};
      fieldAt.forEach((field, col) => {
        if (field && byField[field] === undefined) byField[field] = cells[col] ?? '';
      });
      const reference = (byField.reference ?? '').trim();
      const result = validateListingInput(listingFromCells(byField));
      const errors: FieldProblems = result.ok ? {} : { ...result.errors };
      const referenceProblem = checkReference(reference, seen.get(reference.toLowerCase()));
      if (referenceProblem) errors.reference = [referenceProblem];
      if (reference && !seen.has(reference.toLowerCase())) seen.set(reference.toLowerCase(), row);
      const ok = result.ok && !referenceProblem;
      return { row, reference, title: (byField.title ?? '').trim(), input: ok && result.ok ? result.value : null, errors };
    }),
  };
}

function checkReference(reference: string, firstRow: number | undefined): Problem | null {
  if (reference === '') return problem('required');
  if (reference.length > REFERENCE_MAX) return problem('too_long', { max: REFERENCE_MAX });
  return firstRow === undefined ? null : problem('import_duplicate_reference', { row: firstRow });
}

/** The template's two rows, headers in the reader's language. */
export function templateRows(lang: 'vi' | 'en'): string[][] {
  return [IMPORT_COLUMNS.map((c) => c[lang]), IMPORT_COLUMNS.map((c) => c.example)];
}

/** The file types the import reads. */
export function importFileType(name: string): 'csv' | 'xlsx' | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return null;
}
