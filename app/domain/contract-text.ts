// The bilingual text of a technology-transfer contract, as structured data the PDF and the pages
// render: a heading, the parties, numbered articles of paragraphs in Vietnamese and English, and
// the signature blocks. Versioned like the NDA: the wording belongs to what the parties sign, so
// changing any sentence here means a new CONTRACT_TEXT_VERSION.
import { CONTRACT_ROLES, registrationRequired, type ContractContent, type ContractRole } from './contract.js';
import { DUTY_ARTICLES } from './contract-articles-duties.js';
import { FINAL_ARTICLES } from './contract-articles-final.js';
import { SCHEDULE_ARTICLES } from './contract-articles-schedule.js';
import { TRANSFER_ARTICLES } from './contract-articles-transfer.js';
import { ARTICLE_KEYS, ARTICLE_TITLES, PARTY_HEADINGS, contractDate, type ArticleKey, type Bilingual } from './contract-wording.js';

export const CONTRACT_TEXT_VERSION = '2026-11';

export type ContractArticle = {
  key: ArticleKey;
  number: number;
  /** `Điều 3. …` / `Article 3. …` */
  heading: Bilingual;
  paragraphs: Bilingual[];
};

export type PartyBlock = {
  role: ContractRole;
  heading: Bilingual;
  fields: { label: Bilingual; value: string }[];
};

export type SignatureBlock = {
  role: ContractRole;
  heading: Bilingual;
  organisationName: string;
  /** Lines left blank for the signer to fill in. */
  blanks: Bilingual[];
};

export type ContractText = {
  title: Bilingual[];
  preamble: Bilingual[];
  parties: PartyBlock[];
  articles: ContractArticle[];
  closing: Bilingual;
  signatures: SignatureBlock[];
};

/**
 * What Art. 23(1) of the Law on Technology Transfer 2017 requires a contract to contain, item by
 * item, and the article of ours that carries it.
 */
export const ART_23_CONTENTS: readonly { item: number; what: string; article: ArticleKey }[] = [
  { item: 1, what: 'name of the technology', article: 'technology' },
  { item: 2, what: 'object transferred, products made with it, their standards and quality', article: 'object' },
  { item: 3, what: 'assignment of ownership or licence of use', article: 'rights' },
  { item: 4, what: 'method of transfer', article: 'method' },
  { item: 5, what: 'rights and obligations of the parties', article: 'duties' },
  { item: 6, what: 'price and method of payment', article: 'price' },
  { item: 7, what: 'term and effective date', article: 'term' },
  { item: 8, what: 'definitions', article: 'definitions' },
  { item: 9, what: 'transfer plan, schedule and place', article: 'plan' },
  { item: 10, what: 'warranty', article: 'warranty' },
  { item: 11, what: 'contractual penalties', article: 'penalties' },
  { item: 12, what: 'liability for breach', article: 'liability' },
  { item: 13, what: 'dispute-resolution body', article: 'disputes' },
  { item: 14, what: 'other agreed terms', article: 'other' },
];

const WRITERS = { ...TRANSFER_ARTICLES, ...SCHEDULE_ARTICLES, ...DUTY_ARTICLES, ...FINAL_ARTICLES };

export function contractText(content: ContractContent): ContractText {
  const keys = ARTICLE_KEYS.filter((key) => key !== 'registration' || registrationRequired(content));
  const no = (key: ArticleKey) => {
    const index = keys.indexOf(key);
    if (index < 0) throw new Error(`the contract has no article ${key}`);
    return index + 1;
  };
  const articles = keys.map((key, index): ContractArticle => {
    const write = WRITERS[key];
    if (!write) throw new Error(`no wording for article ${key}`);
    const title = ARTICLE_TITLES[key];
    return { key, number: index + 1, heading: { vi: `Điều ${index + 1}. ${title.vi}`, en: `Article ${index + 1}. ${title.en}` }, paragraphs: write(content, no) };
  });
  const date = contractDate(content.generatedAt);
  return {
    title: [
      { vi: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', en: 'SOCIALIST REPUBLIC OF VIET NAM' },
      { vi: 'Độc lập – Tự do – Hạnh phúc', en: 'Independence – Freedom – Happiness' },
      { vi: 'HỢP ĐỒNG CHUYỂN GIAO CÔNG NGHỆ', en: 'TECHNOLOGY TRANSFER CONTRACT' },
      { vi: `Số: ${content.number} — Phiên bản ${content.version}`, en: `No. ${content.number} — Version ${content.version}` },
    ],
    preamble: [
      { vi: 'Căn cứ Bộ luật Dân sự năm 2015;', en: 'Pursuant to the Civil Code 2015;' },
      { vi: 'Căn cứ Luật Chuyển giao công nghệ năm 2017;', en: 'Pursuant to the Law on Technology Transfer 2017;' },
      { vi: 'Căn cứ Luật Sở hữu trí tuệ năm 2005, được sửa đổi, bổ sung;', en: 'Pursuant to the Law on Intellectual Property 2005, as amended;' },
      { vi: 'Căn cứ Luật Giao dịch điện tử năm 2023;', en: 'Pursuant to the Law on Electronic Transactions 2023;' },
      { vi: 'Căn cứ các điều khoản hai bên đã thống nhất trên sàn giao dịch công nghệ OpenTEX,', en: 'Pursuant to the terms the parties agreed on the OpenTEX technology exchange,' },
      { vi: `hợp đồng này được lập ${date.vi} giữa:`, en: `this contract is drawn up on ${date.en} between:` },
    ],
    parties: CONTRACT_ROLES.map((role) => partyBlock(content, role)),
    articles,
    closing: {
      vi: 'Hai bên đã đọc, hiểu và đồng ý với toàn bộ nội dung hợp đồng này và ký tên dưới đây.',
      en: 'The parties have read, understood and agreed to the whole of this contract and sign below.',
    },
    signatures: CONTRACT_ROLES.map((role) => ({
      role,
      heading: PARTY_HEADINGS[role].signature,
      organisationName: content.parties[role].organisationName,
      blanks: [
        { vi: 'Họ và tên', en: 'Full name' },
        { vi: 'Chức vụ', en: 'Title' },
        { vi: 'Ngày ký', en: 'Date' },
        { vi: 'Chữ ký và con dấu', en: 'Signature and seal' },
      ],
    })),
  };
}

function partyBlock(content: ContractContent, role: ContractRole): PartyBlock {
  const party = content.parties[role];
  return {
    role,
    heading: PARTY_HEADINGS[role].party,
    fields: [
      { label: { vi: 'Tên tổ chức', en: 'Organisation' }, value: party.organisationName },
      { label: { vi: 'Mã số thuế', en: 'Tax code' }, value: party.taxCode },
      { label: { vi: 'Địa chỉ', en: 'Address' }, value: party.address },
      { label: { vi: 'Người đại diện theo pháp luật', en: 'Legal representative' }, value: party.legalRepresentative },
      { label: { vi: 'Chức vụ', en: 'Title' }, value: party.representativeTitle },
      { label: { vi: 'Thư điện tử', en: 'Email' }, value: party.email },
    ],
  };
}
