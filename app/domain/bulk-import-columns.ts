// The columns of a bulk-import file of offers: each field of the listing form, its header in
// Vietnamese and English, and how a cell's text becomes the value the listing schema checks.
// Headers are matched without accents, case or extra spaces, so `Tiêu đề`, `tieu de` and
// `TITLE` all name the title.
import { parseVndAmount } from './listing-form.js';
import { PROVINCES } from './provinces.js';

export type ImportField =
  | 'reference'
  | 'title'
  | 'summary'
  | 'description'
  | 'innovation'
  | 'sectors'
  | 'keywords'
  | 'trl'
  | 'ipStatus'
  | 'transferModes'
  | 'priceMin'
  | 'priceMax'
  | 'priceNegotiable'
  | 'province'
  | 'language'
  | 'anonymous'
  | 'confidentialDetails';

export interface ImportColumn {
  field: ImportField;
  vi: string;
  en: string;
  /** Other spellings people use for the header. */
  aliases?: readonly string[];
  required: boolean;
  /** An example cell for the template. */
  example: string;
}

/** In the template's order. */
export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { field: 'reference', vi: 'Mã tham chiếu', en: 'Reference', aliases: ['ma', 'ref', 'ma so'], required: true, example: 'VKHCN-2026-001' },
  { field: 'title', vi: 'Tiêu đề', en: 'Title', aliases: ['ten cong nghe', 'technology'], required: true, example: 'Công nghệ xử lý nước thải bằng màng sinh học' },
  { field: 'summary', vi: 'Tóm tắt', en: 'Summary', required: true, example: 'Hệ thống xử lý nước thải 500 m³/ngày, chi phí vận hành thấp.' },
  { field: 'description', vi: 'Mô tả', en: 'Description', required: false, example: 'Mô tả chi tiết quy trình, thiết bị và kết quả thử nghiệm.' },
  { field: 'innovation', vi: 'Điểm mới', en: 'Innovation', aliases: ['tinh moi', 'what is innovative'], required: false, example: 'Giảm 40% điện năng so với bùn hoạt tính.' },
  { field: 'sectors', vi: 'Lĩnh vực', en: 'Sectors', aliases: ['sector', 'linh vuc'], required: true, example: 'environment_water; aquaculture_fisheries' },
  { field: 'keywords', vi: 'Từ khóa', en: 'Keywords', aliases: ['tu khoa', 'keyword'], required: false, example: 'nước thải, màng sinh học' },
  { field: 'trl', vi: 'Mức sẵn sàng công nghệ (TRL)', en: 'TRL', aliases: ['trl', 'muc san sang cong nghe', 'technology readiness level'], required: true, example: '7' },
  { field: 'ipStatus', vi: 'Tình trạng SHTT', en: 'IP status', aliases: ['so huu tri tue', 'tinh trang so huu tri tue', 'ip'], required: true, example: 'patent_granted' },
  { field: 'transferModes', vi: 'Phương thức chuyển giao', en: 'Transfer modes', aliases: ['transfer mode', 'hinh thuc chuyen giao'], required: true, example: 'licence_non_exclusive; technical_assistance' },
  { field: 'priceMin', vi: 'Giá từ (VND)', en: 'Price from (VND)', aliases: ['gia tu', 'price from', 'price min'], required: false, example: '800.000.000' },
  { field: 'priceMax', vi: 'Giá đến (VND)', en: 'Price to (VND)', aliases: ['gia den', 'price to', 'price max'], required: false, example: '1.500.000.000' },
  { field: 'priceNegotiable', vi: 'Giá thỏa thuận', en: 'Price negotiable', aliases: ['thoa thuan', 'negotiable'], required: false, example: 'không' },
  { field: 'province', vi: 'Tỉnh/thành phố', en: 'Province', aliases: ['tinh thanh', 'tinh', 'province city'], required: true, example: 'can-tho' },
  { field: 'language', vi: 'Ngôn ngữ', en: 'Language', required: false, example: 'vi' },
  { field: 'anonymous', vi: 'Ẩn danh', en: 'Anonymous', required: false, example: 'không' },
  { field: 'confidentialDetails', vi: 'Thông tin mật', en: 'Confidential details', aliases: ['thong tin bao mat', 'confidential'], required: false, example: '' },
];

/** A listing language by its name in Vietnamese, English or itself (folded), beside its code. */
const LANGUAGE_NAMES: Record<string, string> = {
  'tieng viet': 'vi', vietnamese: 'vi', 'tieng anh': 'en', english: 'en', 'tieng phap': 'fr', french: 'fr', francais: 'fr',
  'tieng tay ban nha': 'es', spanish: 'es', espanol: 'es', 'tieng bo dao nha': 'pt', portuguese: 'pt', portugues: 'pt',
  'tieng duc': 'de', german: 'de', deutsch: 'de', 'tieng y': 'it', italian: 'it', italiano: 'it',
  'tieng indonesia': 'id', indonesian: 'id', 'bahasa indonesia': 'id',
};

/** Lower case, no accents (đ → d), punctuation and spaces folded to single spaces. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const BY_HEADER = new Map<string, ImportField>(
  IMPORT_COLUMNS.flatMap((c) => [c.vi, c.en, ...(c.aliases ?? [])].map((h) => [fold(h), c.field] as const)),
);

/** The field a header names, or null for a column the import does not read. */
export function fieldOfHeader(header: string): ImportField | null {
  return BY_HEADER.get(fold(header)) ?? null;
}

/** A list in one cell: `a; b`, `a, b` or one item a line. */
const listOf = (cell: string): string[] =>
  cell
    .split(/[;,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** A taxonomy key as people may type it: `Licence exclusive`, `licence-exclusive` → `licence_exclusive`. */
const keyOf = (item: string): string => fold(item).replace(/ /g, '_');

const YES = new Set(['co', 'x', 'yes', 'y', 'true', '1', 'dung']);
const NO = new Set(['', 'khong', 'no', 'n', 'false', '0', 'sai']);
/** Yes or no; anything else stays text, which the schema refuses as a wrong value. */
function yesNo(cell: string): boolean | string {
  const f = fold(cell);
  if (YES.has(f)) return true;
  if (NO.has(f)) return false;
  return cell;
}

const PROVINCE_BY_NAME = new Map(PROVINCES.flatMap((p) => [p.code, p.vi, p.en].map((n) => [fold(n), p.code] as const)));
/** A province by its code or its name in either language (`Cần Thơ`, `Can Tho`, `can-tho`). */
const provinceOf = (cell: string): string => PROVINCE_BY_NAME.get(fold(cell)) ?? cell.trim();

const numberOf = (cell: string): number => (cell.trim() === '' ? Number.NaN : Number(cell.trim()));

/**
 * One row's cells (by field) as the listing schema's input: an offer, whose fields the schema
 * checks exactly as it checks the form's and the API's.
 */
export function listingFromCells(cells: Partial<Record<ImportField, string>>) {
  const get = (f: ImportField) => (cells[f] ?? '').trim();
  const confidential = get('confidentialDetails');
  return {
    kind: 'offer',
    title: get('title'),
    summary: get('summary'),
    description: get('description'),
    innovation: get('innovation'),
    sectors: listOf(get('sectors')).map(keyOf),
    keywords: listOf(get('keywords')),
    trl: numberOf(get('trl')),
    ipStatus: get('ipStatus') === '' ? null : keyOf(get('ipStatus')),
    transferModes: listOf(get('transferModes')).map(keyOf),
    priceMin: parseVndAmount(get('priceMin')),
    priceMax: parseVndAmount(get('priceMax')),
    priceNegotiable: yesNo(get('priceNegotiable')),
    province: provinceOf(get('province')),
    // Empty: detected from the text when the listing is saved.
    language: get('language') === '' ? null : (LANGUAGE_NAMES[fold(get('language'))] ?? fold(get('language'))),
    anonymous: yesNo(get('anonymous')),
    confidentialDetails: confidential === '' ? null : confidential,
  };
}
