// The pieces the contract's articles are written with: a text in both languages, the articles'
// keys and titles, and how dates, months and the parties are named in a contract. The
// words of a legal text are its own (not the interface's i18n labels): a signed text must not
// change when a button label does.
import type { ContractContent, ContractRole } from './contract.js';

/**
 * One passage in Vietnamese (which prevails) and in English. A type alias, as the contract text's
 * other types are, so that the text is a `Canonical` value as it stands.
 */
export type Bilingual = { vi: string; en: string };

export const ARTICLE_KEYS = [
  'definitions',
  'technology',
  'object',
  'rights',
  'method',
  'plan',
  'price',
  'duties',
  'warranty',
  'improvements',
  'confidentiality',
  'penalties',
  'liability',
  'term',
  'law',
  'disputes',
  'registration',
  'other',
] as const;
export type ArticleKey = (typeof ARTICLE_KEYS)[number];

export const ARTICLE_TITLES: Record<ArticleKey, Bilingual> = {
  definitions: { vi: 'Định nghĩa và giải thích từ ngữ', en: 'Definitions' },
  technology: { vi: 'Tên công nghệ được chuyển giao', en: 'Name of the technology transferred' },
  object: { vi: 'Đối tượng chuyển giao, sản phẩm và tiêu chuẩn chất lượng', en: 'Object of transfer, products and their quality standards' },
  rights: { vi: 'Quyền được chuyển giao, độc quyền, lãnh thổ và lĩnh vực sử dụng', en: 'Rights transferred, exclusivity, territory and field of use' },
  method: { vi: 'Phương thức chuyển giao', en: 'Method of transfer' },
  plan: { vi: 'Kế hoạch, tiến độ và địa điểm chuyển giao', en: 'Transfer plan, schedule and place' },
  price: { vi: 'Giá và phương thức thanh toán', en: 'Price and method of payment' },
  duties: { vi: 'Quyền và nghĩa vụ của các bên', en: 'Rights and obligations of the parties' },
  warranty: { vi: 'Bảo hành công nghệ', en: 'Warranty of the technology' },
  improvements: { vi: 'Cải tiến công nghệ', en: 'Improvements' },
  confidentiality: { vi: 'Bảo mật', en: 'Confidentiality' },
  penalties: { vi: 'Phạt vi phạm hợp đồng', en: 'Contractual penalties' },
  liability: { vi: 'Trách nhiệm do vi phạm hợp đồng', en: 'Liability for breach of contract' },
  term: { vi: 'Thời hạn và hiệu lực của hợp đồng', en: 'Term and effective date' },
  law: { vi: 'Luật áp dụng', en: 'Governing law' },
  disputes: { vi: 'Cơ quan giải quyết tranh chấp', en: 'Dispute resolution' },
  registration: { vi: 'Đăng ký chuyển giao công nghệ', en: 'Registration of the technology transfer' },
  other: { vi: 'Điều khoản khác', en: 'Other terms' },
};

/** The number an article has in this contract (the registration article is not in every one). */
export type ArticleNumber = (key: ArticleKey) => number;

/** Builds an article's paragraphs from the content; `no` numbers the articles it refers to. */
export type ArticleWriter = (content: ContractContent, no: ArticleNumber) => Bilingual[];

/** How each party is headed at the top of the contract and above its signature. */
export const PARTY_HEADINGS: Record<ContractRole, { party: Bilingual; signature: Bilingual }> = {
  seller: { party: { vi: 'BÊN GIAO CÔNG NGHỆ (Bên A)', en: 'THE TRANSFEROR (Party A)' }, signature: { vi: 'ĐẠI DIỆN BÊN GIAO CÔNG NGHỆ', en: 'FOR THE TRANSFEROR' } },
  buyer: { party: { vi: 'BÊN NHẬN CÔNG NGHỆ (Bên B)', en: 'THE TRANSFEREE (Party B)' }, signature: { vi: 'ĐẠI DIỆN BÊN NHẬN CÔNG NGHỆ', en: 'FOR THE TRANSFEREE' } },
};

const DAY_PARTS = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: 'numeric', month: 'numeric', year: 'numeric' });
const EN_DATE = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: 'numeric', month: 'long', year: 'numeric' });

/** `ngày 5 tháng 3 năm 2026` / `5 March 2026`, the day as it is in Viet Nam. */
export function contractDate(iso: string): Bilingual {
  const at = new Date(iso);
  const part = (type: string) => DAY_PARTS.formatToParts(at).find((p) => p.type === type)?.value ?? '';
  return { vi: `ngày ${part('day')} tháng ${part('month')} năm ${part('year')}`, en: EN_DATE.format(at) };
}

export function months(count: number): Bilingual {
  return { vi: `${count} tháng`, en: count === 1 ? '1 month' : `${count} months` };
}

/** Text a party wrote, without closing punctuation, so that the contract's own sentence ends it. */
export function quote(text: string): string {
  return text.replace(/[\s.;:,]+$/u, '');
}
