import { describe, expect, it } from 'vitest';
import { acceptedType, checkedType, storedFilename, zipEntryNames } from '../../app/domain/attachment.js';
import { DOCX_ENTRIES, JAR_ENTRIES, makeZip } from '../fixtures/zip.js';

const PDF = new TextEncoder().encode('%PDF-1.7\n%%EOF');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

describe('attachments are what their bytes say', () => {
  it('names the stored file after the checked type', () => {
    expect(storedFilename('report.html', 'application/pdf')).toBe('report.pdf');
    expect(storedFilename('pic.svg', 'image/png')).toBe('pic.png');
    expect(storedFilename('ảnh chụp.JPEG', 'image/jpeg')).toBe('ảnh chụp.JPEG');
    expect(storedFilename('Kết quả đo pH=7.pdf', 'application/pdf')).toBe('Kết quả đo pH=7.pdf');
    expect(storedFilename('no-extension', DOCX)).toBe('no-extension.docx');
    expect(storedFilename('.htaccess', 'application/pdf')).toBe('.htaccess.pdf');
  });

  it('reads an Office document from inside the zip, and refuses a JAR called DOCX', () => {
    expect(zipEntryNames(makeZip(DOCX_ENTRIES))).toEqual(Object.keys(DOCX_ENTRIES));
    expect(checkedType(makeZip(DOCX_ENTRIES))).toBe(DOCX);
    expect(checkedType(makeZip({ '[Content_Types].xml': '<Types/>', 'ppt/presentation.xml': '<p/>' }))).toBe(PPTX);
    expect(checkedType(makeZip(JAR_ENTRIES))).toBeNull();
    expect(acceptedType(DOCX, makeZip(JAR_ENTRIES))).toBeNull();
    expect(checkedType(makeZip({ ...DOCX_ENTRIES, ...JAR_ENTRIES }))).toBeNull();
    expect(checkedType(makeZip({ 'word/document.xml': '<w/>' }))).toBeNull();
    expect(zipEntryNames(makeZip(DOCX_ENTRIES).slice(0, 60))).toBeNull();
  });

  it('keeps the checked type when the browser agrees or says nothing useful', () => {
    expect(acceptedType('application/pdf', PDF)).toBe('application/pdf');
    expect(acceptedType('application/octet-stream', PNG)).toBe('image/png');
    expect(acceptedType('text/html', PDF)).toBeNull();
    expect(acceptedType('image/png', PDF)).toBeNull();
  });
});
