// A university's admin, in Chromium with JavaScript off, uploads a CSV of offers (UTF-8 with BOM),
// reads the faulty row in the preview with its row number and column, imports the valid rows as
// drafts, and finds them among the organisation's listings.
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth/password.server.js';
import { IMPORT_COLUMNS } from '../../app/domain/bulk-import-columns.js';
import { createOrganisation, createUser } from '../fixtures/market.js';
import { startBrowserMarket, type BrowserMarket } from '../support/e2e.js';
import { arrived, heading, newPage, visit } from '../support/pages.js';

let world: BrowserMarket;
const PASSWORD = 'mat-khau-thu-nghiem';
const row = (ref: string, title: string, trl = '6') => IMPORT_COLUMNS.map((c) => (c.field === 'reference' ? ref : c.field === 'title' ? title : c.field === 'trl' ? trl : c.example));
const FILE = `\ufeff${Papa.unparse([
  IMPORT_COLUMNS.map((c) => c.vi),
  row('DH-01', 'Vật liệu nano bạc kháng khuẩn cho bao bì thực phẩm'),
  row('DH-02', 'Tin có mức sẵn sàng sai', '15'),
  row('DH-03', 'Cảm biến độ mặn giá rẻ cho ruộng lúa ven biển'),
])}`;

beforeAll(async () => {
  world = await startBrowserMarket({
    prepare: async (market) => {
      const uni = await createOrganisation(market.db, { slug: 'dh-nhap', name: 'Đại học Nhập Thử', type: 'university', taxCode: '0100000051' });
      await createUser(market.db, { email: 'admin@dh-nhap.vn', organisationId: uni, role: 'admin', passwordHash: await hashPassword(PASSWORD) });
    },
  });
});

afterAll(() => world?.close());

describe('bulk import without JavaScript', () => {
  it('previews every row, imports the valid ones as drafts, and shows them', async () => {
    const page = await newPage(world.browser, world.url, { javaScriptEnabled: false });
    await visit(page, '/login', false);
    await page.getByLabel('Email').fill('admin@dh-nhap.vn');
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await arrived(page, /\/my\/listings$/);

    await page.getByRole('link', { name: 'Nhập chào bán từ tệp' }).click();
    await heading(page, 'Nhập chào bán từ tệp');
    await page.getByLabel('Tệp (CSV hoặc XLSX)').setInputFiles({ name: 'chao-ban.csv', mimeType: 'text/csv', buffer: Buffer.from(FILE, 'utf8') });
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await arrived(page, /\/imports\/[0-9a-f-]{36}$/);
    await page.getByText('2 trên 3 dòng có thể nhập cho Đại học Nhập Thử.').waitFor();
    await page.getByText('Dòng 3, Mức sẵn sàng công nghệ (TRL):').waitFor();
    expect(await world.market.db.selectFrom('listings').select('id').execute()).toEqual([]);

    await page.getByLabel('Nhập thành bản nháp').check();
    await page.getByRole('button', { name: 'Xác nhận nhập' }).click();
    await page.getByText('Đã nhập xong: 2 tin mới, 0 tin cập nhật.').waitFor();
    await page.getByRole('link', { name: 'Xem các tin đăng' }).click();
    await arrived(page, /\/my\/listings$/);
    const rows = page.getByRole('row');
    await rows.filter({ hasText: 'Vật liệu nano bạc kháng khuẩn cho bao bì thực phẩm' }).getByText('Bản nháp').waitFor();
    await rows.filter({ hasText: 'Cảm biến độ mặn giá rẻ cho ruộng lúa ven biển' }).getByText('Bản nháp').waitFor();
    expect(await page.getByText('Tin có mức sẵn sàng sai').count()).toBe(0);
  });
});
