// A university member signs up, writes an offer and submits it; a curator asks for changes;
// the member fixes it and resubmits; the curator approves; anyone finds it without diacritics.
// Then a forgotten password is reset through the emailed link.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/seed.js';
import { startBrowserMarket, type BrowserMarket } from '../support/e2e.js';
import { arrived, heading, newPage, visit } from '../support/pages.js';

let world: BrowserMarket;

const TITLE = 'Máy lọc nước nhiễm mặn dùng năng lượng mặt trời cho hộ gia đình';

beforeAll(async () => {
  world = await startBrowserMarket({ demoData: true });
});

afterAll(() => world?.close());

/** The path of the latest link of this kind emailed to this address (emails wait in the database). */
async function emailedLink(to: string, kind: RegExp): Promise<string> {
  const mails = await world.market.db.selectFrom('emails').select('text').where('to', '=', to).orderBy('created_at', 'desc').execute();
  const url = mails.flatMap((m) => m.text.match(/https?:\/\/\S+/g) ?? []).find((u) => kind.test(u));
  expect(url).toBeDefined();
  return new URL(url!).pathname;
}

async function signIn(page: Page, email: string, password: string) {
  await visit(page, '/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  // A curator lands on the review queue, everyone else on the organisation's listings.
  await arrived(page, /\/(my\/listings|curator)$/);
  await page.getByRole('heading', { level: 1 }).waitFor();
}

describe('the listing lifecycle', () => {
  // The suite's longest journey (sign-up goes through its emailed link): more than the default time.
  it('goes from sign-up through review and changes to a published, searchable offer', async () => {
    const member = await newPage(world.browser, world.url);
    await visit(member, '/signup');
    await member.getByLabel('Họ và tên').fill('Đỗ Minh Châu');
    await member.getByLabel('Email').fill('chau@dh-thunghiem.edu.vn');
    await member.getByLabel('Mật khẩu').fill('mat-khau-rat-manh');
    await member.getByLabel('Tên tổ chức').fill('Trường Đại học Thử nghiệm Hà Nội');
    await member.getByLabel('Loại hình').selectOption('university');
    await member.getByLabel('Mã số thuế').fill('0108887771');
    await member.getByLabel('Tỉnh/thành phố').selectOption('ha-noi');
    await member.getByLabel('Người đại diện theo pháp luật').fill('Nguyễn Văn Hiệu');
    await member.getByLabel('Số giấy tờ thành lập').fill('QĐ 456/QĐ-BGDĐT');
    await member.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await member.getByText(/Chúng tôi vừa gửi thư đến địa chỉ email bạn nhập/).waitFor();
    await visit(member, await emailedLink('chau@dh-thunghiem.edu.vn', /\/signup\/confirm\//));
    await member.getByRole('button', { name: 'Xác nhận và tạo tài khoản' }).click();
    await arrived(member, /\/my\/listings$/);
    await heading(member, 'Tin đăng của tổ chức');

    await member.getByRole('link', { name: 'Đăng công nghệ chào bán' }).click();
    await heading(member, 'Đăng công nghệ chào bán');
    await member.getByLabel('Tiêu đề').fill(TITLE);
    await member.getByLabel('Tóm tắt').fill('Thiết bị lọc nước lợ thành nước uống, chạy bằng pin mặt trời, phù hợp vùng xâm nhập mặn.');
    await member.getByLabel('Mô tả chi tiết').fill('## Nguyên lý\n\nLọc **thẩm thấu ngược** kết hợp tiền xử lý.');
    await member.getByRole('button', { name: 'Xem trước phần mô tả' }).click();
    await member.getByRole('heading', { name: 'Xem trước' }).waitFor();
    expect(await member.locator('.preview strong').textContent()).toBe('thẩm thấu ngược');
    expect(await member.getByLabel('Tiêu đề').inputValue()).toBe(TITLE);
    await member.getByRole('checkbox', { name: 'Môi trường và nước' }).check();
    await member.getByLabel('Từ khóa').fill('nước nhiễm mặn, lọc RO, năng lượng mặt trời');
    await member.getByLabel('Mức sẵn sàng đạt được').selectOption('6');
    await member.getByLabel('Sở hữu trí tuệ').selectOption('patent_pending');
    await member.getByRole('checkbox', { name: 'Li-xăng không độc quyền' }).check();
    await member.getByLabel('Từ (đồng)').fill('450.000.000');
    await member.getByLabel('Tỉnh/thành phố').selectOption('an-giang');
    await member.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await arrived(member, /\/my\/listings\/[0-9a-f-]{36}$/);
    await heading(member, TITLE);
    const listingUrl = new URL(member.url()).pathname;
    const listingId = listingUrl.split('/').at(-1)!;
    expect(await member.locator('.status').first().textContent()).toBe('Bản nháp');
    await member.getByRole('button', { name: 'Gửi kiểm duyệt' }).click();
    await member.getByText('Đã gửi tin đi kiểm duyệt.').waitFor();

    const curator = await newPage(world.browser, world.url);
    await signIn(curator, 'curator@opentex.demo', DEMO_PASSWORD);
    expect(new URL(curator.url()).pathname).toBe('/curator');
    await heading(curator, 'Hàng đợi kiểm duyệt');
    await curator.getByRole('link', { name: TITLE }).click();
    await heading(curator, TITLE);
    await curator.getByRole('button', { name: 'Yêu cầu chỉnh sửa' }).click();
    await curator.getByText('hãy nêu lý do để đơn vị đăng tin biết cần sửa gì').waitFor();
    await curator.getByLabel(/Nhận xét cho đơn vị đăng tin/).fill('Vui lòng bổ sung công suất lọc (lít/giờ).');
    await curator.getByRole('button', { name: 'Yêu cầu chỉnh sửa' }).click();
    await curator.getByText('Đã gửi yêu cầu chỉnh sửa.').waitFor();

    await visit(member, '/notifications');
    await member.getByRole('link', { name: /cần chỉnh sửa: Vui lòng bổ sung công suất lọc/ }).click();
    await heading(member, TITLE);
    expect(await member.locator('.status').first().textContent()).toBe('Cần chỉnh sửa');
    expect(await member.locator('.history').textContent()).toContain('Vui lòng bổ sung công suất lọc (lít/giờ).');
    await member.getByRole('link', { name: 'Sửa tin' }).click();
    await heading(member, 'Sửa tin');
    await member.getByLabel('Tóm tắt').fill('Thiết bị lọc nước lợ thành nước uống, công suất 500 lít/giờ, chạy bằng pin mặt trời.');
    await member.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await arrived(member, new RegExp(`${listingUrl}$`));
    await heading(member, TITLE);
    await member.getByRole('button', { name: 'Gửi kiểm duyệt' }).click();
    await member.getByText('Đã gửi tin đi kiểm duyệt.').waitFor();

    await visit(curator, `/curator/listings/${listingId}`);
    await heading(curator, TITLE);
    await curator.getByRole('button', { name: 'Duyệt và công khai' }).click();
    await curator.getByText('Đã duyệt; tin đang công khai.').waitFor();

    const visitor = await newPage(world.browser, world.url, { javaScriptEnabled: false });
    await visitor.goto('/search?q=may+loc+nuoc+nhiem+man');
    const titles = await visitor.locator('.listing-card .listing-title').allTextContents();
    expect(titles[0]).toBe(TITLE);
    await visitor.goto(listingUrl.replace('/my', ''));
    expect(await visitor.getByRole('heading', { level: 1 }).textContent()).toBe(TITLE);
    expect(await visitor.locator('.facts .owner').textContent()).toContain('Trường Đại học Thử nghiệm Hà Nội');
  }, 60_000);

  it('resets a forgotten password through the emailed link', async () => {
    const page = await newPage(world.browser, world.url);
    await visit(page, '/forgot-password');
    await page.getByLabel('Email').fill('hbk.member@opentex.demo');
    await page.getByRole('button', { name: 'Gửi liên kết đặt lại mật khẩu' }).click();
    await page.getByText(/liên kết đặt lại mật khẩu vừa được gửi đến/).waitFor();
    const link = await emailedLink('hbk.member@opentex.demo', /\/reset-password\//);
    await visit(page, link);
    await page.getByLabel('Mật khẩu mới').fill('mot-mat-khau-moi-2026');
    await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
    await arrived(page, /\/login/);
    await signIn(page, 'hbk.member@opentex.demo', 'mot-mat-khau-moi-2026');

    await visit(page, link);
    await page.getByText('Liên kết này đã hết hạn hoặc đã được sử dụng').waitFor();
    await page.getByRole('link', { name: 'Yêu cầu liên kết mới' }).waitFor();
  });
});
