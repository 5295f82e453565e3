// A contract as a PDF people can print, sign and search: the bilingual text (Vietnamese, then its
// English in smaller italics), both parties' signature blocks, and on every page a footer with
// the contract number, the content hash and "Trang x / y — Page x of y", so a loose printed page
// still says which content it belongs to. Noto Serif is one TTF with Latin and every Vietnamese
// letter, and copies back exactly (see STACK-NOTES). The same content gives the same bytes: the
// dates come from the content and pdfkit's file ID is an MD5 of the info dictionary, which holds
// the hash, so nothing depends on the clock or on chance.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { ContractContent } from '../domain/contract.js';
import { contractText, type ContractText } from '../domain/contract-text.js';
import type { Bilingual } from '../domain/contract-wording.js';
import { contractSha256 } from './contract-document.server.js';

type Doc = PDFKit.PDFDocument;
type Font = 'regular' | 'bold' | 'italic' | 'boldItalic';

// Only the .ttf files: the package's index imports expo.
const require = createRequire(import.meta.url);
const FONT_FILES: Record<Font, string> = {
  regular: '@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf',
  italic: '@expo-google-fonts/noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
  boldItalic: '@expo-google-fonts/noto-serif/700Bold_Italic/NotoSerif_700Bold_Italic.ttf',
};
let fonts: Record<Font, Buffer> | null = null;
const fontData = () => (fonts ??= Object.fromEntries(Object.entries(FONT_FILES).map(([name, file]) => [name, readFileSync(require.resolve(file))])) as Record<Font, Buffer>);

const MARGIN = { top: 56, left: 60, right: 60, bottom: 76 };
const INK = '#111111';
const SECOND = '#4a4a4a';
const nfc = (text: string) => text.normalize('NFC');

/** Renders the contract; `sha256` must be the content's hash, which the footers print. */
export async function renderContractPdf(content: ContractContent, sha256: string): Promise<Buffer> {
  if (contractSha256(content) !== sha256) throw new Error(`contract ${content.number}: the hash given is not this content's hash`);
  const at = new Date(content.generatedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    // PDF/A needs XMP metadata, which pdfkit writes only above PDF 1.3.
    pdfVersion: '1.7',
    subset: 'PDF/A-3b',
    tagged: true,
    lang: 'vi-VN',
    displayTitle: true,
    bufferPages: true,
    info: {
      Title: nfc(`Hợp đồng chuyển giao công nghệ ${content.number}`),
      Subject: `Technology transfer contract ${content.number}, version ${content.version}; SHA-256 ${sha256}`,
      Keywords: `${content.number} ${sha256}`,
      Creator: 'OpenTEX',
      // No ModDate: pdfkit's XMP has no xmp:ModifyDate to match it, and PDF/A wants the two to agree.
      CreationDate: at,
    },
  });
  const done = collect(doc);
  for (const [name, data] of Object.entries(fontData())) doc.registerFont(name, data);
  const text = contractText(content);
  const root = doc.struct('Document');
  doc.addStructure(root);
  writeTitle(doc, root, text);
  writeParties(doc, root, text);
  for (const article of text.articles) {
    block(doc, root, 'H2', article.heading, { vi: ['bold', 11], en: ['boldItalic', 9.5], before: 10 });
    for (const paragraph of article.paragraphs) block(doc, root, 'P', paragraph, { vi: ['regular', 10], en: ['italic', 9], before: 4 });
  }
  writeSignatures(doc, root, text);
  root.end();
  writeFooters(doc, content.number, sha256);
  doc.end();
  return done;
}

function collect(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

type Style = { vi: [Font, number]; en: [Font, number]; before: number; align?: 'left' | 'center' | 'justify' };

/** A passage: the Vietnamese, then the English under it, each its own tagged paragraph. */
function block(doc: Doc, parent: PDFKit.PDFStructureElement, tag: string, text: Bilingual, style: Style): void {
  doc.y += style.before;
  const align = style.align ?? 'justify';
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  // Keep a heading with the first lines under it.
  if (tag.startsWith('H') && doc.y + 60 > doc.page.height - MARGIN.bottom) doc.addPage();
  parent.add(
    doc.struct(tag, {}, () => {
      doc.font(style.vi[0]).fontSize(style.vi[1]).fillColor(INK).text(nfc(text.vi), MARGIN.left, doc.y, { width, align, lineGap: 1.5 });
    }),
  );
  parent.add(
    doc.struct(tag, { lang: 'en-GB' }, () => {
      doc.font(style.en[0]).fontSize(style.en[1]).fillColor(SECOND).text(nfc(text.en), MARGIN.left, doc.y + 1, { width, align, lineGap: 1 });
    }),
  );
}

function writeTitle(doc: Doc, root: PDFKit.PDFStructureElement, text: ContractText): void {
  const [state, motto, title, number] = text.title;
  block(doc, root, 'P', state!, { vi: ['bold', 11], en: ['italic', 8.5], before: 0, align: 'center' });
  block(doc, root, 'P', motto!, { vi: ['bold', 10.5], en: ['italic', 8.5], before: 0, align: 'center' });
  block(doc, root, 'H1', title!, { vi: ['bold', 15], en: ['boldItalic', 11], before: 18, align: 'center' });
  block(doc, root, 'P', number!, { vi: ['regular', 10], en: ['italic', 9], before: 4, align: 'center' });
  doc.moveDown(0.8);
  for (const line of text.preamble) block(doc, root, 'P', line, { vi: ['regular', 10], en: ['italic', 9], before: 2, align: 'left' });
}

/** One line a field: `Mã số thuế / Tax code: 0101234565`, the English label in italics. */
function writeParties(doc: Doc, root: PDFKit.PDFStructureElement, text: ContractText): void {
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  for (const party of text.parties) {
    block(doc, root, 'H2', party.heading, { vi: ['bold', 10.5], en: ['boldItalic', 9], before: 10, align: 'left' });
    for (const field of party.fields) {
      root.add(
        doc.struct('P', {}, () => {
          doc.font('regular').fontSize(10).fillColor(INK).text(nfc(`${field.label.vi} / `), MARGIN.left, doc.y + 2, { width, continued: true });
          doc.font('italic').fillColor(SECOND).text(nfc(field.label.en), { continued: true });
          doc.font('regular').fillColor(INK).text(nfc(`: ${field.value}`));
        }),
      );
    }
  }
}

/** The closing sentence and two signature blocks side by side, kept together on one page. */
function writeSignatures(doc: Doc, root: PDFKit.PDFStructureElement, text: ContractText): void {
  const height = 210;
  if (doc.y + 60 + height > doc.page.height - MARGIN.bottom) doc.addPage();
  block(doc, root, 'P', text.closing, { vi: ['regular', 10], en: ['italic', 9], before: 12 });
  doc.y += 18;
  const top = doc.y;
  const gap = 24;
  const width = (doc.page.width - MARGIN.left - MARGIN.right - gap) / 2;
  text.signatures.forEach((signature, i) => {
    const x = MARGIN.left + i * (width + gap);
    root.add(
      doc.struct('Div', {}, () => {
        doc.font('bold').fontSize(10).fillColor(INK).text(nfc(signature.heading.vi), x, top, { width, align: 'center' });
        doc.font('boldItalic').fontSize(8.5).fillColor(SECOND).text(nfc(signature.heading.en), x, doc.y, { width, align: 'center' });
        doc.font('regular').fontSize(9.5).fillColor(INK).text(nfc(signature.organisationName), x, doc.y + 4, { width, align: 'center' });
        let y = doc.y + 14;
        signature.blanks.forEach((blank, line) => {
          doc.font('regular').fontSize(9).fillColor(INK).text(nfc(`${blank.vi} / ${blank.en}:`), x, y, { width, lineBreak: false });
          // The last line (signature and seal) gets room to sign in.
          y += line === signature.blanks.length - 1 ? 58 : 22;
          doc.moveTo(x, y - 6).lineTo(x + width, y - 6).lineWidth(0.5).strokeColor(SECOND).stroke();
        });
      }),
    );
  });
  doc.x = MARGIN.left;
  doc.y = top + height;
}

/** Written after layout, when the number of pages is known; outside the bottom margin, as artefacts. */
function writeFooters(doc: Doc, number: string, sha256: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const page = i - start + 1;
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const width = doc.page.width - MARGIN.left - MARGIN.right;
    const y = doc.page.height - 52;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.moveTo(MARGIN.left, y - 6).lineTo(MARGIN.left + width, y - 6).lineWidth(0.4).strokeColor(SECOND).stroke();
    doc.font('regular').fontSize(7.5).fillColor(SECOND);
    doc.text(nfc(`Hợp đồng số / Contract No. ${number}`), MARGIN.left, y, { width, lineBreak: false });
    doc.text(`Trang ${page} / ${count} — Page ${page} of ${count}`, MARGIN.left, y, { width, align: 'right', lineBreak: false });
    doc.fontSize(7).text(`SHA-256: ${sha256}`, MARGIN.left, y + 11, { width, lineBreak: false });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}
