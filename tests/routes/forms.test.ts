// Bad input on every form: a 400 with a message beside each field, what was typed kept, no 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth/password.server.js';
import { createOrganisation, createUser } from '../fixtures/market.js';
import { createTestMarket, type TestMarket } from '../support/market.js';
import { startTestServer } from '../support/server.js';

let market: TestMarket;
let server: { url: string; close(): Promise<void> };
let cookie: string;
let adminCookie: string;

async function post(path: string, fields: Record<string, string | string[]>, withCookie = true) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
  const res = await fetch(`${server.url}${path}`, { method: 'POST', body, headers: withCookie ? { cookie } : {}, redirect: 'manual' });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
}

const decode = (html: string) => html.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');

beforeAll(async () => {
  market = await createTestMarket();
  const org = await createOrganisation(market.db, { slug: 'vien-form', name: 'Viện Biểu Mẫu', type: 'institute', taxCode: '0100000041' });
  await createUser(market.db, { email: 'form@vien.vn', organisationId: org, passwordHash: await hashPassword('mat-khau-thu-nghiem') });
  await createUser(market.db, { email: 'quan-tri@vien.vn', organisationId: org, role: 'admin', passwordHash: await hashPassword('mat-khau-thu-nghiem') });
  server = await startTestServer(market.ctx);
  const signIn = async (email: string) => {
    const res = await fetch(`${server.url}/login`, { method: 'POST', body: new URLSearchParams({ email, password: 'mat-khau-thu-nghiem' }), redirect: 'manual' });
    return res.headers.get('set-cookie')!.split(';')[0]!;
  };
  cookie = await signIn('form@vien.vn');
  adminCookie = await signIn('quan-tri@vien.vn');
});

afterAll(async () => {
  await server?.close();
  await market?.close();
});

describe('the listing form', () => {
  const good = {
    intent: 'save', kind: 'offer', title: 'Cảm biến độ mặn giá rẻ', summary: 'Cảm biến đo độ mặn cho ao nuôi tôm, gửi số liệu qua điện thoại.',
    description: 'Mô tả', innovation: '', sectors: ['aquaculture_fisheries'], keywords: 'độ mặn, cảm biến', trl: '5', ipStatus: 'utility_solution',
    transferModes: ['licence_non_exclusive'], priceMin: '120.000.000', priceMax: '', province: 'ca-mau', language: 'vi', confidentialDetails: '',
  };

  it.each([
    ['empty title', { title: '' }, 'title', 'bắt buộc'],
    ['too long title', { title: 'x'.repeat(201) }, 'title', 'tối đa 200 ký tự'],
    ['four sectors', { sectors: ['ict', 'ai_data', 'textiles', 'agrifood'] }, 'sectors', 'tối đa 3 lĩnh vực'],
    ['TRL out of range', { trl: '10' }, 'trl', 'từ 1 đến 9'],
    ['TRL not a number', { trl: 'chín' }, 'trl', 'hãy chọn mức từ 1 đến 9'],
    ['words for an amount', { priceMin: 'một tỷ' }, 'priceMin', 'một số tiền nguyên'],
    ['min above max', { priceMin: '2.000.000.000', priceMax: '1.000.000.000' }, 'priceMax', 'không được nhỏ hơn mức tối thiểu'],
    ['unknown province', { province: 'paris' }, 'province', 'hãy chọn tỉnh/thành phố'],
    // A draft may lack a sector or an IP status; submission asks for them (tests/routes/listing-writing.test.ts).
  ])('answers %s with a field error and keeps what was typed', async (_, change, field, message) => {
    const { status, html } = await post('/my/listings/new?kind=offer', { ...good, ...change });
    expect(status).toBe(400);
    const text = decode(html);
    // The message sits beside its own field (checkbox groups carry theirs in the fieldset).
    if (field !== 'sectors') expect(text).toContain(`id="field-${field}-error"`);
    expect(text).toContain(message);
    expect(text).toContain(`value="${field === 'title' ? (change as { title: string }).title : good.title}"`);
    expect(text).toContain('Cảm biến đo độ mặn cho ao nuôi tôm, gửi số liệu qua điện thoại.');
    expect(await market.db.selectFrom('listings').select('id').execute()).toHaveLength(0);
  });

  it('saves a good listing as a draft and shows it', async () => {
    const { status, location } = await post('/my/listings/new?kind=offer', good);
    expect(status).toBe(302);
    expect(location).toMatch(/^\/my\/listings\/[0-9a-f-]{36}$/);
    const row = await market.db.selectFrom('listings').select(['status', 'price_min', 'keywords']).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'draft', price_min: 120_000_000, keywords: ['độ mặn', 'cảm biến'] });
  });
});

describe('sign-up', () => {
  it('explains a wrong tax code and keeps everything but the password', async () => {
    const { status, html } = await post('/signup', {
      name: 'Lê Hoa', email: 'hoa@dn.vn', password: 'mat-khau-dai-du', organisationName: 'Công ty Hoa', organisationType: 'enterprise',
      taxCode: '0108887772', province: 'ha-noi', website: 'không phải web', description: '',
    }, false);
    expect(status).toBe(400);
    const text = decode(html);
    expect(text).toContain('mã số thuế không hợp lệ');
    expect(text).toContain('một địa chỉ web bắt đầu bằng http:// hoặc https://');
    expect(text).toContain('value="Công ty Hoa"');
    expect(text).toContain('value="hoa@dn.vn"');
    expect(text).not.toContain('mat-khau-dai-du');
  });

  it('answers too many sign-in attempts with a clear message, not an error page', async () => {
    let last = { status: 0, html: '' };
    for (let i = 0; i < 6; i += 1) last = await post('/login', { email: 'form@vien.vn', password: `sai-${i}` }, false);
    expect(last.status).toBe(429);
    expect(decode(last.html)).toContain('Quá nhiều lần thử');
  });
});

describe('a form post with an action the page does not offer', () => {
  it('on /my/organisation answers 400 in the reader\'s language and invites nobody', async () => {
    for (const intent of ['invte', '']) {
      const res = await fetch(`${server.url}/my/organisation`, {
        method: 'POST',
        headers: { cookie: adminCookie },
        body: new URLSearchParams({ intent, email: 'ai-do@vi-du.vn', role: 'admin' }),
        redirect: 'manual',
      });
      expect(res.status, `intent "${intent}"`).toBe(400);
      expect(decode(await res.text())).toContain('Biểu mẫu yêu cầu một thao tác mà trang này không có');
    }
    expect(await market.db.selectFrom('invitations').select('id').execute()).toHaveLength(0);
  });
});
