// The contract PDF read back the way a person's tools read it: pdftotext (poppler) for the text,
// pdfinfo for the document's facts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContractContent, type ContractContent } from '../../app/domain/contract.js';
import { contractSha256 } from '../../app/services/contract-document.server.js';
import { renderContractPdf } from '../../app/services/contract-pdf.server.js';
import { BUYER, SELLER, SUBJECT, contractInput, withTerms } from '../fixtures/contract.js';

const dir = mkdtempSync(path.join(tmpdir(), 'contract-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function poppler(tool: 'pdftotext' | 'pdfinfo', pdf: Buffer, args: string[] = []): string {
  const file = path.join(dir, `${++files}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync(tool, tool === 'pdftotext' ? [...args, '-enc', 'UTF-8', file, '-'] : [...args, file], { encoding: 'utf8' });
}
/** Pages of text, split at the form feeds pdftotext ends each page with. */
const pages = (text: string) => text.split('\f').slice(0, -1);
/** Wrapped lines joined and the no-break space of `1.500.000.000 ₫` made plain, to search sentences. */
const flat = (text: string) => text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');

async function rendered(input: unknown) {
  const content = buildContractContent(input);
  const sha256 = contractSha256(content);
  return { content, sha256, pdf: await renderContractPdf(content, sha256) };
}

let contract: { content: ContractContent; sha256: string; pdf: Buffer };
let layout: string;
let raw: string;
beforeAll(async () => {
  contract = await rendered(contractInput());
  layout = poppler('pdftotext', contract.pdf, ['-layout']);
  raw = poppler('pdftotext', contract.pdf);
});

describe('a contract PDF', () => {
  it('gives back the Vietnamese exactly, stacked marks included', () => {
    for (const text of [layout, raw]) {
      expect(text.normalize('NFC')).toBe(text);
      for (const word of ['Đặng', 'điều', 'tự', 'HỒ', 'hạ', 'nhẹ', 'Thị', 'Ngọc', 'dụng', 'đồng', 'Hợp đồng chuyển giao công nghệ'.toUpperCase()]) {
        expect(text, word).toContain(word.normalize('NFC'));
      }
    }
    // The agreed subject, in the Vietnamese paragraph and again quoted in the English one.
    expect(flat(raw).split(SUBJECT.replace(/\.$/, '')).length - 1).toBe(2);
  });

  it('names both parties and their representatives', () => {
    for (const party of [SELLER, BUYER]) {
      for (const value of [party.organisationName, party.legalRepresentative, party.taxCode, party.email]) expect(flat(raw)).toContain(value);
    }
  });

  it('writes the price and each milestone the Vietnamese way', () => {
    expect(flat(raw)).toContain('Giá chuyển giao công nghệ: 1.500.000.000 ₫.');
    expect(flat(raw)).toContain('Price of the technology transfer: 1.500.000.000 ₫.');
    for (const amount of ['300.000.000 ₫', '700.000.000 ₫', '500.000.000 ₫']) expect(flat(raw)).toContain(`: ${amount} — đến hạn:`);
  });

  it('prints the contract number, the full content hash and "x / y" at the foot of every page', () => {
    const all = pages(layout);
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(poppler('pdfinfo', contract.pdf)).toMatch(new RegExp(`Pages:\\s+${all.length}\\n`));
    all.forEach((page, i) => {
      expect(page).toContain(`SHA-256: ${contract.sha256}`);
      expect(page).toContain('OTX-2026-000123');
      expect(page).toContain(`Trang ${i + 1} / ${all.length} — Page ${i + 1} of ${all.length}`);
    });
    pages(raw).forEach((page) => expect(page).toContain(contract.sha256));
  });

  it('ends with a signature block for each party', () => {
    const last = flat(pages(raw).at(-1)!);
    expect(last).toContain('ĐẠI DIỆN BÊN GIAO CÔNG NGHỆ');
    expect(last).toContain('ĐẠI DIỆN BÊN NHẬN CÔNG NGHỆ');
    expect(last.match(/Họ và tên \/ Full name:/g)).toHaveLength(2);
    expect(last.match(/Ngày ký \/ Date:/g)).toHaveLength(2);
  });

  it('is a tagged PDF 1.7 in Vietnamese, titled and dated from its content', () => {
    const info = poppler('pdfinfo', contract.pdf, ['-isodates']);
    expect(info).toMatch(/Title:\s+Hợp đồng chuyển giao công nghệ OTX-2026-000123\n/);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/PDF version:\s+1\.7/);
    expect(info).toMatch(/CreationDate:\s+2026-11-28T03:15:00/);
    expect(info).toContain(contract.sha256);
    expect(poppler('pdfinfo', contract.pdf, ['-meta'])).toMatch(/<pdfaid:part>3<\/pdfaid:part>/);
  });

  it('is the same file, byte for byte, each time the same content is rendered, even typed in NFD', async () => {
    expect((await renderContractPdf(contract.content, contract.sha256)).equals(contract.pdf)).toBe(true);
    const nfd = JSON.parse(JSON.stringify(contractInput()).normalize('NFD'));
    expect((await rendered(nfd)).pdf.equals(contract.pdf)).toBe(true);
  });

  it('has another file ID when the content differs', async () => {
    const id = (pdf: Buffer) => /\/ID \[<([0-9a-f]+)>/.exec(pdf.toString('latin1'))?.[1];
    const other = await rendered(withTerms({ durationMonths: 24 }));
    expect(id(contract.pdf)).toMatch(/^[0-9a-f]{32}$/);
    expect(id(other.pdf)).not.toBe(id(contract.pdf));
  });

  it('refuses to print a hash that is not the content’s', async () => {
    await expect(renderContractPdf(contract.content, 'f'.repeat(64))).rejects.toThrow(/not this content's hash/);
  });
});

describe('a long contract', () => {
  it('runs over more pages, each with its footer', async () => {
    const milestones = Array.from({ length: 12 }, (_, i) => ({
      amount: 125_000_000,
      condition: `Trong 15 ngày kể từ khi Bên nhận xác nhận đợt ${i + 1}: kiểm định độc lập đạt yêu cầu về lưu lượng, độ đục và chỉ tiêu vi sinh của nước thải sau xử lý`,
      deliverable: `Gói bàn giao số ${i + 1}: tài liệu vận hành, nhật ký thử nghiệm, phần mềm điều khiển tự động và biên bản đào tạo kỹ thuật viên`,
    }));
    const long = await rendered(withTerms({ subject: `${SUBJECT} `.repeat(4).slice(0, 1000).trim(), milestones, price: 1_500_000_000 }));
    const text = poppler('pdftotext', long.pdf, ['-layout']);
    const all = pages(text);
    expect(all.length).toBeGreaterThan(pages(layout).length);
    all.forEach((page, i) => {
      expect(page).toContain(`SHA-256: ${long.sha256}`);
      expect(page).toContain(`Trang ${i + 1} / ${all.length} — Page ${i + 1} of ${all.length}`);
    });
    expect(flat(text)).toContain('Đợt 12: 125.000.000 ₫');
  });
});
