// An enterprise member publishes a demand in Vietnamese and, once it is approved, sees an
// English offer among its matches, with the reasons in plain words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/seed.js';
import { startBrowserMarket, type BrowserMarket } from '../support/e2e.js';
import { arrived, heading, newPage, visit } from '../support/pages.js';

let world: BrowserMarket;

const TITLE = 'Cần hệ thống xử lý nước thải tuần hoàn cho trại nuôi tôm 10 ha';

beforeAll(async () => {
  world = await startBrowserMarket({ demoData: true });
});

afterAll(() => world?.close());

describe('matching', () => {
  it('shows a Vietnamese demand an English offer that fits, with reasons', async () => {
    const member = await newPage(world.browser, world.url);
    await visit(member, '/login');
    await member.getByLabel('Email').fill('mekongxanh.member@opentex.demo');
    await member.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await member.getByRole('button', { name: 'Đăng nhập' }).click();
    await arrived(member, /\/my\/listings$/);
    await visit(member, '/my/listings/new?kind=demand');
    await member.getByLabel('Tiêu đề').fill(TITLE);
    await member.getByLabel('Tóm tắt').fill('Trại nuôi tôm thẻ chân trắng cần công nghệ xử lý nước thải ao nuôi để tuần hoàn nước, khoảng 600 m³/ngày.');
    await member.getByLabel('Mô tả chi tiết').fill('Nước thải ao nuôi tôm nhiều hữu cơ và amoni; muốn tái sử dụng nước, hạn chế dịch bệnh.');
    await member.getByRole('checkbox', { name: 'Thủy sản' }).check();
    await member.getByRole('checkbox', { name: 'Môi trường và nước' }).check();
    await member.getByLabel('Từ khóa').fill('nuôi tôm, xử lý nước thải, tuần hoàn nước');
    await member.getByLabel('Mức sẵn sàng tối thiểu mong muốn').selectOption('6');
    await member.getByRole('checkbox', { name: 'Chìa khóa trao tay kèm thiết bị' }).check();
    await member.getByLabel('Đến (đồng)').fill('4.000.000.000');
    await member.getByLabel('Tỉnh/thành phố').selectOption('ca-mau');
    await member.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await arrived(member, /\/my\/listings\/[0-9a-f-]{36}$/);
    await heading(member, TITLE);
    const id = new URL(member.url()).pathname.split('/').at(-1)!;
    await member.getByRole('button', { name: 'Gửi kiểm duyệt' }).click();
    await member.getByText('Đã gửi tin đi kiểm duyệt.').waitFor();

    const curator = await newPage(world.browser, world.url);
    await visit(curator, '/login');
    await curator.getByLabel('Email').fill('curator@opentex.demo');
    await curator.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await curator.getByRole('button', { name: 'Đăng nhập' }).click();
    await arrived(curator, /\/curator$/);
    await visit(curator, `/curator/listings/${id}`);
    await curator.getByRole('button', { name: 'Duyệt và công khai' }).click();
    await curator.getByText('Đã duyệt; tin đang công khai.').waitFor();

    await visit(member, `/listings/${id}`);
    await member.getByRole('heading', { name: 'Công nghệ phù hợp với nhu cầu này' }).waitFor();
    const match = member.locator('.match-list > li', { hasText: 'Membrane bioreactor for aquaculture wastewater treatment' });
    await match.waitFor();
    const reasons = await match.locator('.match-reasons li').allTextContents();
    expect(reasons.join('\n')).toMatch(/Cùng nói về: .*(nước thải|nuôi tôm|thủy sản)/);
    expect(reasons).toContain('Cùng lĩnh vực: Môi trường và nước, Thủy sản');
    expect(reasons.some((r) => r.startsWith('Mức sẵn sàng TRL 7 đạt yêu cầu TRL 6'))).toBe(true);
    expect(Number(await match.locator('.match-score').textContent())).toBeGreaterThanOrEqual(50);
    expect(await match.getByRole('button', { name: 'Ẩn kết nối này' }).count()).toBe(1);

    await match.getByRole('button', { name: 'Lưu' }).click();
    await member.locator('.match-list > li.saved', { hasText: 'Membrane bioreactor' }).waitFor();
    await visit(member, '/my/matches');
    await heading(member, 'Kết nối của tôi');
    expect(await member.locator('.match-list').textContent()).toContain('Membrane bioreactor for aquaculture wastewater treatment');
  });
});
