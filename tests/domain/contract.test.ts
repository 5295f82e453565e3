import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../app/domain/canonical.js';
import { buildContractContent, type ContractContent } from '../../app/domain/contract.js';
import { contractCanonical } from '../../app/domain/contract-canonical.js';
import { ART_23_CONTENTS, CONTRACT_TEXT_VERSION, contractText, type ContractText } from '../../app/domain/contract-text.js';
import { contractSha256 } from '../../app/services/contract-document.server.js';
import { BUYER, SELLER, SUBJECT, contractInput, withTerms } from '../fixtures/contract.js';

// Intl writes a no-break space before ₫.
const plain = (s: string) => s.replace(/\u00a0/g, ' ');
const build = (input: unknown = contractInput()) => buildContractContent(input);
const all = (text: ContractText, lang: 'vi' | 'en') =>
  plain([...text.title, ...text.preamble, ...text.articles.flatMap((a) => [a.heading, ...a.paragraphs]), text.closing].map((b) => b[lang]).join('\n'));
const article = (text: ContractText, heading: RegExp) => {
  const found = text.articles.find((a) => heading.test(a.heading.vi));
  if (!found) throw new Error(`no article ${heading}`);
  return { vi: plain(found.paragraphs.map((p) => p.vi).join('\n')), en: plain(found.paragraphs.map((p) => p.en).join('\n')) };
};

describe('the contract text covers what Art. 23 of the Law on Technology Transfer 2017 requires', () => {
  // The law's fourteen items, in the law's words and ours; each must head an article in both languages.
  const items: [number, RegExp, RegExp][] = [
    [1, /Tên công nghệ/, /Name of the technology/],
    [2, /Đối tượng chuyển giao, sản phẩm và tiêu chuẩn chất lượng/, /Object of transfer, products and their quality standards/],
    [3, /Quyền được chuyển giao/, /Rights transferred/],
    [4, /Phương thức chuyển giao/, /Method of transfer/],
    [5, /Quyền và nghĩa vụ của các bên/, /Rights and obligations of the parties/],
    [6, /Giá và phương thức thanh toán/, /Price and method of payment/],
    [7, /Thời hạn và hiệu lực/, /Term and effective date/],
    [8, /Định nghĩa/, /Definitions/],
    [9, /Kế hoạch, tiến độ và địa điểm chuyển giao/, /Transfer plan, schedule and place/],
    [10, /Bảo hành/, /Warranty/],
    [11, /Phạt vi phạm/, /Contractual penalties/],
    [12, /Trách nhiệm do vi phạm hợp đồng/, /Liability for breach/],
    [13, /giải quyết tranh chấp/, /Dispute resolution/],
    [14, /Điều khoản khác/, /Other terms/],
  ];

  it.each(items)('item %i heads an article with paragraphs in Vietnamese and English', (item, vi, en) => {
    const text = contractText(build());
    const found = text.articles.find((a) => vi.test(a.heading.vi));
    expect(found, `item ${item}`).toBeDefined();
    expect(found!.heading.vi).toMatch(new RegExp(`^Điều ${found!.number}\\. `));
    expect(found!.heading.en).toMatch(new RegExp(`^Article ${found!.number}\\. `));
    expect(found!.heading.en).toMatch(en);
    expect(found!.paragraphs.length).toBeGreaterThan(0);
    for (const p of found!.paragraphs) {
      expect(p.vi.trim()).not.toBe('');
      expect(p.en.trim()).not.toBe('');
      expect(p.vi).not.toBe(p.en);
    }
    expect(ART_23_CONTENTS.find((c) => c.item === item)?.article).toBe(found!.key);
  });

  it('numbers the articles 1, 2, 3… and has confidentiality, improvements and governing law too', () => {
    const text = contractText(build());
    expect(text.articles.map((a) => a.number)).toEqual(text.articles.map((_, i) => i + 1));
    expect(article(text, /Bảo mật/).en).toMatch(/keeps secret the confidential information/);
    expect(article(text, /Cải tiến/).vi).toMatch(/Cải tiến do một bên tự tạo ra thuộc quyền sở hữu của bên đó/);
    expect(article(text, /Cải tiến/).en).toMatch(/neither party may require the other to hand over improvements free of charge/);
    expect(article(text, /Luật áp dụng/).vi).toMatch(/chịu sự điều chỉnh của pháp luật Việt Nam/);
    expect(article(text, /Luật áp dụng/).en).toMatch(/governed by the law of Viet Nam/);
  });

  it('names the technology, its patent and owner, the parties and the object as agreed', () => {
    const text = contractText(build());
    expect(article(text, /Tên công nghệ/).vi).toContain('Tên công nghệ: Công nghệ màng lọc sinh học MBR cho nước thải thủy sản.');
    expect(article(text, /Tên công nghệ/).vi).toContain(`Bằng độc quyền sáng chế số 1-0023456; chủ sở hữu: ${SELLER.organisationName}`);
    expect(article(text, /Tên công nghệ/).en).toContain('patent No. 1-0023456');
    expect(article(text, /Đối tượng/).vi).toContain(SUBJECT);
    expect(article(text, /Đối tượng/).en).toContain(SUBJECT);
    const fields = text.parties.flatMap((p) => p.fields.map((f) => f.value));
    for (const value of [...Object.values(SELLER), ...Object.values(BUYER)]) expect(fields).toContain(value);
    expect(text.parties.map((p) => p.heading.vi)).toEqual(['BÊN GIAO CÔNG NGHỆ (Bên A)', 'BÊN NHẬN CÔNG NGHỆ (Bên B)']);
  });

  it('says an exclusive licence is a licence of use, exclusive, within the territory and field of use', () => {
    const rights = article(contractText(build()), /Quyền được chuyển giao/);
    expect(rights.vi).toMatch(/chuyển giao cho Bên nhận quyền sử dụng Công nghệ; Bên giao vẫn là chủ sở hữu/);
    expect(rights.vi).toMatch(/Quyền sử dụng là độc quyền/);
    expect(rights.en).toMatch(/The licence is exclusive/);
    expect(rights.vi).toContain('Phạm vi lãnh thổ: Toàn lãnh thổ Việt Nam.');
    expect(rights.en).toContain('Field of use: Xử lý nước thải công nghiệp chế biến thủy sản.');
  });

  it('says an assignment passes ownership, and a non-exclusive licence leaves the seller free', () => {
    const assigned = article(contractText(build(withTerms({ transferMode: 'assignment', exclusive: true }))), /Quyền được chuyển giao/);
    expect(assigned.vi).toMatch(/chuyển nhượng cho Bên nhận toàn bộ quyền sở hữu Công nghệ/);
    expect(assigned.en).toMatch(/assigns to the Transferee full ownership/);
    expect(assigned.vi).not.toMatch(/quyền sử dụng là độc quyền/i);
    const open = article(contractText(build(withTerms({ transferMode: 'licence_non_exclusive', exclusive: false }))), /Quyền được chuyển giao/);
    expect(open.vi).toMatch(/Quyền sử dụng là không độc quyền/);
    expect(open.en).toMatch(/The licence is non-exclusive/);
  });

  it('lists the methods the transfer mode implies', () => {
    const method = (mode: string) => article(contractText(build(withTerms({ transferMode: mode, exclusive: false }))), /Phương thức chuyển giao/);
    expect(method('licence_non_exclusive').vi).toMatch(/a\) bàn giao tài liệu kỹ thuật/);
    expect(method('licence_non_exclusive').vi).not.toMatch(/c\) /);
    expect(method('turnkey').vi).toMatch(/c\) cung cấp, lắp đặt, chạy thử máy móc, thiết bị/);
    expect(method('technical_assistance').en).toMatch(/c\) sending experts/);
    expect(method('joint_development').vi).toMatch(/cùng nghiên cứu, thử nghiệm/);
  });

  it('states that the Vietnamese text prevails and that the platform never holds the money', () => {
    const text = contractText(build());
    expect(all(text, 'vi')).toMatch(/bản tiếng Việt được ưu tiên áp dụng/);
    expect(all(text, 'en')).toMatch(/the Vietnamese text prevails/);
    const price = article(text, /Giá và phương thức thanh toán/);
    expect(price.vi).toMatch(/chuyển khoản ngân hàng, trực tiếp từ tài khoản của Bên nhận vào tài khoản đứng tên Bên giao/);
    expect(price.en).toMatch(/OpenTEX does not receive, hold or forward money/);
  });

  it('names the dispute-resolution body the parties chose', () => {
    const body = (choice: string) => article(contractText(build(withTerms({ disputeResolution: choice }))), /giải quyết tranh chấp/);
    expect(body('arbitration').vi).toMatch(/Trung tâm Trọng tài Quốc tế Việt Nam \(VIAC\)/);
    expect(body('court').vi).toMatch(/Tòa án nhân dân có thẩm quyền của Việt Nam/);
    expect(body('negotiation').en).toMatch(/competent People’s Court of Viet Nam/);
    expect(body('mediation').vi).toMatch(/hòa giải thương mại/);
    expect(body('court').vi).not.toMatch(/trọng tài/i);
  });

  it('gives the term in months and an effective date on both signatures', () => {
    const term = article(contractText(build()), /Thời hạn và hiệu lực/);
    expect(term.vi).toMatch(/có hiệu lực từ ngày cả hai bên đã ký/);
    expect(term.vi).toContain('Thời hạn hợp đồng là 36 tháng kể từ Ngày hiệu lực.');
    expect(term.en).toContain('36 months from the effective date');
    expect(article(contractText(build(withTerms({ durationMonths: 1 }))), /Thời hạn/).en).toContain('1 month from');
  });
});

describe('the payment schedule', () => {
  it('writes each milestone in đồng the Vietnamese way, with its condition and deliverable, and they add up to the price', () => {
    const content = build();
    const price = article(contractText(content), /Giá và phương thức thanh toán/);
    expect(price.vi).toContain('Giá chuyển giao công nghệ: 1.500.000.000 ₫.');
    expect(price.vi).toContain('Đợt 1: 300.000.000 ₫ — đến hạn: Khi hợp đồng có hiệu lực; tương ứng với nội dung bàn giao: Bộ tài liệu quy trình công nghệ và bản vẽ.');
    expect(price.en).toContain('Milestone 2: 700.000.000 ₫ — due: 30 ngày sau khi đào tạo xong; against the deliverable: Đào tạo 10 kỹ sư vận hành tại nhà máy.');
    const written = [...price.vi.matchAll(/^Đợt \d+: ([\d.]+) ₫/gm)].map((m) => Number(m[1]!.replace(/\./g, '')));
    expect(written).toEqual([300_000_000, 700_000_000, 500_000_000]);
    expect(written.reduce((a, b) => a + b, 0)).toBe(content.terms.price);
    expect(price.vi).toContain('Tổng các đợt bằng giá chuyển giao: 1.500.000.000 ₫.');
    const plan = article(contractText(content), /Kế hoạch, tiến độ/);
    expect(plan.vi).toContain('Đợt 3 — nội dung bàn giao: Hệ thống đạt QCVN 11-MT:2015/BTNMT; điều kiện: Khi nghiệm thu hệ thống chạy thử.');
    expect(plan.vi).toContain(`Bên nhận tại ${BUYER.address}`);
  });

  it('refuses milestones that do not add up to the price', () => {
    expect(() => build(withTerms({ price: 1_600_000_000 }))).toThrow(/milestones_sum/);
  });
});

describe('the registration notice', () => {
  const registration = (flags: { crossBorder: boolean; stateFunded: boolean }) => {
    const text = contractText(build(contractInput(flags)));
    return { text, article: text.articles.find((a) => a.key === 'registration') };
  };

  it('is absent from a domestic contract without state money, which takes effect on signature', () => {
    const { text, article: notice } = registration({ crossBorder: false, stateFunded: false });
    expect(notice).toBeUndefined();
    expect(all(text, 'vi')).not.toMatch(/Giấy chứng nhận đăng ký/);
    expect(all(text, 'vi')).not.toMatch(/Sở Khoa học và Công nghệ|Bộ Khoa học và Công nghệ/);
    expect(text.articles.at(-1)!.heading.vi).toBe(`Điều ${text.articles.length}. Điều khoản khác`);
  });

  it('sends a cross-border transfer to the Ministry of Science and Technology', () => {
    const { text, article: notice } = registration({ crossBorder: true, stateFunded: false });
    expect(notice!.heading.vi).toMatch(/Đăng ký chuyển giao công nghệ/);
    expect(notice!.heading.en).toMatch(/Registration of the technology transfer/);
    const body = notice!.paragraphs.map((p) => p.vi).join(' ');
    expect(body).toMatch(/Điều 31 Luật Chuyển giao công nghệ năm 2017/);
    expect(body).toMatch(/Bộ Khoa học và Công nghệ/);
    expect(notice!.paragraphs.map((p) => p.en).join(' ')).toMatch(/Ministry of Science and Technology/);
    expect(article(text, /Thời hạn và hiệu lực/).vi).toMatch(new RegExp(`\\(Điều ${notice!.number}\\) nên có hiệu lực từ ngày được cấp Giấy chứng nhận đăng ký`));
  });

  it('sends a domestic state-funded transfer to the Department of Science and Technology', () => {
    const { article: notice } = registration({ crossBorder: false, stateFunded: true });
    expect(notice!.paragraphs.map((p) => p.vi).join(' ')).toMatch(/Sở Khoa học và Công nghệ/);
    expect(notice!.paragraphs.map((p) => p.en).join(' ')).toMatch(/Department of Science and Technology \(Sở Khoa học và Công nghệ\)/);
  });

  it('gives both reasons when a cross-border transfer is also state-funded', () => {
    const { article: notice } = registration({ crossBorder: true, stateFunded: true });
    const body = notice!.paragraphs.map((p) => p.en).join(' ');
    expect(body).toMatch(/outside Viet Nam/);
    expect(body).toMatch(/state capital or the state budget/);
  });
});

describe('the content', () => {
  it('refuses a wrong tax code at home, and accepts a foreign tax number across the border', () => {
    const foreign = { ...BUYER, taxCode: 'DE 123 456 789' };
    expect(() => build(contractInput({ parties: { seller: SELLER, buyer: foreign } }))).toThrow(/tax_code/);
    expect(build(contractInput({ crossBorder: true, parties: { seller: SELLER, buyer: foreign } })).parties.buyer.taxCode).toBe('DE 123 456 789');
    const bothForeign = { seller: { ...SELLER, taxCode: 'US 98-7654321' }, buyer: foreign };
    expect(() => build(contractInput({ crossBorder: true, parties: bothForeign }))).toThrow(/tax_code/);
  });

  it('refuses a granted patent without its number, an odd contract number, and a licence that contradicts its exclusivity', () => {
    expect(() => build(contractInput({ technology: { ...contractInput().technology, ip: { kind: 'patent_granted', number: null, owner: 'Viện' } } }))).toThrow(/required/);
    expect(() => build(contractInput({ number: 'OTX-26-123' }))).toThrow(/invalid_value/);
    expect(() => build(withTerms({ transferMode: 'licence_exclusive', exclusive: false }))).toThrow(/invalid_value/);
    expect(build(contractInput({ technology: { ...contractInput().technology, ip: { kind: 'know_how', number: null, owner: 'Viện' } } })).technology.ip.number).toBeNull();
  });
});

describe('the canonical content, whose SHA-256 both parties sign', () => {
  const canonical = (content: ContractContent) => canonicalJson(contractCanonical(content));

  it('is the same whatever order the keys came in', () => {
    const reversed = (value: unknown): unknown =>
      Array.isArray(value) ? value.map(reversed) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversed(v)])) : value;
    expect(canonical(build(reversed(contractInput())))).toBe(canonical(build()));
  });

  it('is the same for Vietnamese typed with combining marks (NFD) as with precomposed letters', () => {
    const decompose = (value: unknown): unknown =>
      typeof value === 'string' ? value.normalize('NFD') : Array.isArray(value) ? value.map(decompose) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decompose(v)])) : value;
    const nfd = decompose(contractInput()) as ReturnType<typeof contractInput>;
    expect(nfd.parties.seller.legalRepresentative).not.toBe(SELLER.legalRepresentative);
    const content = build(nfd);
    expect(content.parties.seller.legalRepresentative).toBe(SELLER.legalRepresentative);
    expect(content.terms.subject).toBe(SUBJECT.normalize('NFC'));
    expect(canonical(content)).toBe(canonical(build()));
    expect(contractSha256(content)).toBe(contractSha256(build()));
  });

  it('changes when a term, a party, a flag or the wording changes', () => {
    const base = canonical(build());
    const changed = [
      build(withTerms({ price: 1_600_000_000, milestones: [{ amount: 1_600_000_000, condition: 'Khi ký hợp đồng', deliverable: 'Toàn bộ tài liệu' }] })),
      build(withTerms({ territory: 'Các tỉnh Đồng bằng sông Cửu Long' })),
      build(withTerms({ transferMode: 'licence_non_exclusive', exclusive: false })),
      build(withTerms({ durationMonths: 24 })),
      build(withTerms({ disputeResolution: 'court' })),
      build(withTerms({ milestones: [...contractInput().terms.milestones].reverse() })),
      build(contractInput({ parties: { seller: SELLER, buyer: { ...BUYER, legalRepresentative: 'Trần Thị Mỹ Dung' } } })),
      build(contractInput({ stateFunded: true })),
      build(contractInput({ version: 2 })),
    ];
    const hashes = new Set(changed.map(canonical));
    expect(hashes.size).toBe(changed.length);
    expect(hashes.has(base)).toBe(false);
    expect(canonical(build())).toBe(base);
  });

  it('covers the wording itself, pinned for this text version', () => {
    // The hash of the fixture. If a sentence of the contract changes, this fails: give the new
    // wording a new CONTRACT_TEXT_VERSION, then update both values here.
    expect({ version: CONTRACT_TEXT_VERSION, sha256: contractSha256(build()) }).toEqual({ version: '2026-11', sha256: '206e54ad4d7c81697cb5091057a18bab5df00c84db76990c058f6090f6327642' });
  });
});
