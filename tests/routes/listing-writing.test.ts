// Writing a listing through the pages and the API: an incomplete draft saved, its submission
// refused field by field, one draft per form however often it is posted, the preview as the
// public will see it, archive asked first and undone, a rejected listing sent back to review,
// and the curator's request at the top of the owner's pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth/password.server.js';
import { signIn, actorFromSession } from '../../app/services/accounts.server.js';
import { applyListingTransition } from '../../app/services/listing-lifecycle.server.js';
import { createOrganisation, createUser } from '../fixtures/market.js';
import { createTestMarket, type TestMarket } from '../support/market.js';
import { startTestServer } from '../support/server.js';

let market: TestMarket;
let server: { url: string; close(): Promise<void> };
let cookie: string;

async function send(method: string, path: string, fields?: Record<string, string | string[]>) {
  const body = fields ? new URLSearchParams() : undefined;
  for (const [k, v] of Object.entries(fields ?? {})) for (const x of [v].flat()) body!.append(k, x);
  const res = await fetch(`${server.url}${path}`, { method, body, headers: { cookie }, redirect: 'manual' });
  return { status: res.status, html: decode(await res.text()), location: res.headers.get('location') };
}
const get = (path: string) => send('GET', path);
const post = (path: string, fields: Record<string, string | string[]>) => send('POST', path, fields);
async function api(method: string, path: string, json?: object, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${path}`, { method, headers: { cookie, 'content-type': 'application/json', ...headers }, body: json ? JSON.stringify(json) : undefined });
  return { status: res.status, json: (await res.json()) as any };
}
const decode = (html: string) => html.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
const statusOf = async (id: string) => (await market.db.selectFrom('listings').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const idFrom = (location: string | null) => /\/my\/listings\/([0-9a-f-]{36})/.exec(location ?? '')![1]!;

const COMPLETE = {
  kind: 'offer', title: 'Cảm biến độ mặn giá rẻ', summary: 'Cảm biến đo độ mặn cho ao nuôi tôm, gửi số liệu qua điện thoại.',
  description: 'Mô tả', innovation: '', sectors: ['aquaculture_fisheries'], keywords: 'độ mặn', trl: '5', ipStatus: 'utility_solution',
  transferModes: ['licence_non_exclusive'], priceMin: '', priceMax: '', province: 'ca-mau', language: 'vi', confidentialDetails: '',
};

beforeAll(async () => {
  market = await createTestMarket();
  const passwordHash = await hashPassword('mat-khau-thu-nghiem');
  const org = await createOrganisation(market.db, { slug: 'vien-viet', name: 'Viện Viết Tin', type: 'institute', taxCode: '0100000051' });
  const agency = await createOrganisation(market.db, { slug: 'so-viet', name: 'Sở Viết Tin', type: 'agency', taxCode: '0100000052' });
  await createUser(market.db, { email: 'viet@vien.vn', organisationId: org, passwordHash });
  await createUser(market.db, { email: 'duyet@so.vn', organisationId: agency, passwordHash });
  server = await startTestServer(market.ctx);
  const res = await fetch(`${server.url}/login`, { method: 'POST', body: new URLSearchParams({ email: 'viet@vien.vn', password: 'mat-khau-thu-nghiem' }), redirect: 'manual' });
  cookie = res.headers.get('set-cookie')!.split(';')[0]!;
});

afterAll(async () => {
  await server?.close();
  await market?.close();
});

async function curator() {
  const { token } = await signIn(market.ctx, { email: 'duyet@so.vn', password: 'mat-khau-thu-nghiem' }, { ip: '127.0.0.1' });
  return (await actorFromSession(market.ctx, token))!;
}

describe('a draft saved incomplete, checked at submission', () => {
  it('saves a draft with only a title', async () => {
    const saved = await post('/my/listings/new?kind=offer', { intent: 'save', kind: 'offer', title: 'Chỉ có tiêu đề', language: 'vi' });
    expect(saved.status).toBe(302);
    const id = idFrom(saved.location);
    expect(await statusOf(id)).toBe('draft');
    const page = await get(`/my/listings/${id}`);
    expect(page.html).toContain('Chỉ có tiêu đề');
    expect(page.html).toContain('Tin chưa đủ thông tin để gửi kiểm duyệt.');
  });

  it('offers to detect the language first, and stores the language of the text when left to it', async () => {
    const form = await get('/my/listings/new?kind=offer');
    expect(form.html).toMatch(/<select[^>]*name="language"[^>]*>\s*<option value=""[^>]*>Tự nhận biết từ nội dung<\/option>/);
    expect(form.html).toContain('<option value="fr">Tiếng Pháp</option>');
    const saved = await post('/my/listings/new?kind=offer', { intent: 'save', kind: 'offer', title: 'Séchoir solaire pour le cacao', summary: 'Un séchoir à énergie solaire qui réduit les pertes après la récolte des fèves de cacao.', language: '' });
    const id = idFrom(saved.location);
    expect((await market.db.selectFrom('listings').select('language').where('id', '=', id).executeTakeFirstOrThrow()).language).toBe('fr');
    expect((await get(`/my/listings/${id}`)).html).toContain('lang="fr"');
  });

  it('refuses submission from the edit page with an error beside each missing field, keeping the text', async () => {
    const id = idFrom((await post('/my/listings/new?kind=offer', { intent: 'save', kind: 'offer', title: 'Bản nháp dở dang' })).location);
    const refused = await post(`/my/listings/${id}/edit`, { intent: 'submit', kind: 'offer', title: 'Bản nháp dở dang (sửa)', summary: '' });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('Chưa đủ thông tin để gửi kiểm duyệt');
    for (const field of ['summary', 'trl', 'province']) expect(refused.html).toContain(`id="field-${field}-error"`);
    expect(refused.html).toContain('hãy chọn ít nhất một lĩnh vực');
    expect(await statusOf(id)).toBe('draft');
    // What was typed is saved: a draft.
    expect((await market.db.selectFrom('listings').select('title').where('id', '=', id).executeTakeFirstOrThrow()).title).toBe('Bản nháp dở dang (sửa)');

    const submitted = await post(`/my/listings/${id}/edit`, { ...COMPLETE, intent: 'submit' });
    expect(submitted.status).toBe(302);
    expect(submitted.location).toBe(`/my/listings/${id}?done=submit`);
    expect(await statusOf(id)).toBe('pending_review');
    expect((await get(submitted.location!)).html).toContain('Đã gửi tin đi kiểm duyệt.');
  });

  it("sends the listing page's submit button to the edit page, where the missing fields are marked", async () => {
    const id = idFrom((await post('/my/listings/new?kind=offer', { intent: 'save', kind: 'offer', title: 'Gửi từ trang tin' })).location);
    const res = await post(`/my/listings/${id}`, { intent: 'submit' });
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/my/listings/${id}/edit?submit=incomplete`);
    const edit = await get(res.location!);
    expect(edit.html).toContain('id="field-trl-error"');
    expect(edit.html).toContain('Chưa đủ thông tin để gửi kiểm duyệt');
    expect(await statusOf(id)).toBe('draft');
  });

  it('the API saves an incomplete draft (201) and refuses its submission with 400 and fields', async () => {
    const created = await api('POST', '/api/v1/my/listings', { kind: 'demand', title: 'API draft' });
    expect(created.status).toBe(201);
    const submit = await api('POST', `/api/v1/my/listings/${created.json.data.id}/submit`);
    expect(submit.status).toBe(400);
    expect(submit.json.error).toBeTruthy();
    expect(Object.keys(submit.json.fields)).toEqual(expect.arrayContaining(['summary', 'sectors', 'trl', 'transferModes', 'province']));
    expect(await statusOf(created.json.data.id)).toBe('draft');
  });
});

describe('one draft per form', () => {
  it('renders a random key with the form, and a second POST with it leads to the same draft', async () => {
    const form = await get('/my/listings/new?kind=offer');
    const key = /name="draftKey" value="([^"]+)"/.exec(form.html)![1]!;
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(/name="draftKey" value="([^"]+)"/.exec((await get('/my/listings/new?kind=offer')).html)![1]).not.toBe(key);
    const fields = { intent: 'save', kind: 'offer', title: 'Bấm hai lần', draftKey: key };
    const [a, b] = await Promise.all([post('/my/listings/new?kind=offer', fields), post('/my/listings/new?kind=offer', fields)]);
    expect([a.status, b.status]).toEqual([302, 302]);
    expect(a.location).toBe(b.location);
    expect(await market.db.selectFrom('listings').select('id').where('title', '=', 'Bấm hai lần').execute()).toHaveLength(1);
  });

  it('keeps the key when the form comes back with errors', async () => {
    const res = await post('/my/listings/new?kind=offer', { intent: 'save', kind: 'offer', title: '', draftKey: 'giu-nguyen-khoa-1' });
    expect(res.status).toBe(400);
    expect(res.html).toContain('name="draftKey" value="giu-nguyen-khoa-1"');
  });

  it('the API honours an Idempotency-Key header', async () => {
    const first = await api('POST', '/api/v1/my/listings', { kind: 'offer', title: 'API twice' }, { 'Idempotency-Key': 'api-key-0001' });
    const second = await api('POST', '/api/v1/my/listings', { kind: 'offer', title: 'API twice' }, { 'Idempotency-Key': 'api-key-0001' });
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.json.data.id).toBe(first.json.data.id);
    expect((await api('POST', '/api/v1/my/listings', { kind: 'offer', title: 'API twice' }, { 'Idempotency-Key': 'x' })).status).toBe(400);
  });
});

describe('the preview and the plain-words hints', () => {
  it('shows a draft as the public page would, marked as not public yet', async () => {
    const id = idFrom((await post('/my/listings/new?kind=offer', { ...COMPLETE, intent: 'save', title: 'Xem trước cảm biến' })).location);
    const own = (await get(`/my/listings/${id}`)).html;
    expect(own).toContain(`href="/my/listings/${id}/preview"`);
    // Where the owner's page shows the TRL, it says what it means.
    expect(own).toContain('Đã chạy thử trong điều kiện gần giống thực tế.');
    const preview = await get(`/my/listings/${id}/preview`);
    expect(preview.status).toBe(200);
    expect(preview.html).toContain('Xem trước — chưa công khai');
    for (const text of ['Xem trước cảm biến', 'Cảm biến đo độ mặn cho ao nuôi tôm', 'Viện Viết Tin', 'Thủy sản', 'Li-xăng không độc quyền', 'Đã chạy thử trong điều kiện gần giống thực tế.']) {
      expect(preview.html).toContain(text);
    }
    // Not public: the public page does not know it.
    expect((await fetch(`${server.url}/listings/${id}`)).status).toBe(404);
  });

  it('explains every TRL level and transfer mode on the form, tied to its input', async () => {
    const form = await get('/my/listings/new?kind=offer');
    expect(form.html).toMatch(/<select[^>]*aria-describedby="[^"]*trl-levels[^"]*"/);
    expect(form.html).toContain('<details class="explained" id="trl-levels">');
    expect(form.html).toContain('Mới có ý tưởng khoa học');
    expect(form.html).toContain('Đã dùng thực tế ổn định');
    expect(form.html).toContain('aria-describedby="mode-assignment-hint"');
    expect(form.html).toContain('Bán hẳn công nghệ: quyền sở hữu chuyển sang bên nhận.');
    const en = await get('/my/listings/new?kind=offer&lang=en');
    expect(en.html).toContain('The technology is sold outright: ownership passes to the buyer.');
  });
});

describe('archive, restore, and a rejected listing sent back', () => {
  it('asks before archiving, without JavaScript, and restores the listing as a draft', async () => {
    const id = idFrom((await post('/my/listings/new?kind=offer', { ...COMPLETE, intent: 'save', title: 'Lưu trữ có hỏi' })).location);
    const page = await get(`/my/listings/${id}`);
    expect(page.html).toContain(`href="/my/listings/${id}/archive"`);
    const confirm = await get(`/my/listings/${id}/archive`);
    expect(confirm.status).toBe(200);
    expect(confirm.html).toContain('Lưu trữ tin này?');
    expect(confirm.html).toMatch(/<form method="post"[^>]*>[\s\S]*Có, lưu trữ tin/);
    expect(await statusOf(id)).toBe('draft');
    const done = await post(`/my/listings/${id}/archive`, {});
    expect(done.location).toBe(`/my/listings/${id}?done=archive`);
    expect(await statusOf(id)).toBe('archived');
    const archived = await get(done.location!);
    expect(archived.html).toContain('Đã lưu trữ tin');
    expect(archived.html).toContain('value="restore"');
    const again = await get(`/my/listings/${id}/archive`);
    expect(again.html).toContain('Tin này không thể lưu trữ ở trạng thái hiện tại.');
    expect(again.html).not.toContain('Có, lưu trữ tin');
    expect((await post(`/my/listings/${id}`, { intent: 'restore' })).status).toBe(200);
    expect(await statusOf(id)).toBe('draft');
  });

  it("shows the curator's reason at the top of the listing and its edit page, and takes a rejected listing back to review", async () => {
    const id = idFrom((await post('/my/listings/new?kind=offer', { ...COMPLETE, intent: 'save', title: 'Tin bị từ chối' })).location);
    await post(`/my/listings/${id}`, { intent: 'submit' });
    await applyListingTransition(market.ctx, await curator(), id, 'reject', { reason: 'Thiếu bằng chứng về độ chính xác' });
    const page = (await get(`/my/listings/${id}`)).html;
    const reasonAt = page.indexOf('Thiếu bằng chứng về độ chính xác');
    expect(page).toContain('Kiểm duyệt viên đã từ chối tin này');
    expect(reasonAt).toBeGreaterThan(-1);
    expect(reasonAt).toBeLessThan(page.indexOf('id="description-heading"'));
    expect(page).toContain(`href="/my/listings/${id}/edit"`);
    const edit = (await get(`/my/listings/${id}/edit`)).html;
    expect(edit.indexOf('Thiếu bằng chứng về độ chính xác')).toBeGreaterThan(-1);
    expect(edit.indexOf('Thiếu bằng chứng về độ chính xác')).toBeLessThan(edit.indexOf('name="title"'));
    const resubmitted = await post(`/my/listings/${id}/edit`, { ...COMPLETE, title: 'Tin bị từ chối', description: 'Độ chính xác ±0,1‰ đã kiểm định.', intent: 'submit' });
    expect(resubmitted.status).toBe(302);
    expect(await statusOf(id)).toBe('pending_review');
  });

  it('shows a request for changes at the top of both pages', async () => {
    const id = idFrom((await post('/my/listings/new?kind=offer', { ...COMPLETE, intent: 'save', title: 'Tin cần sửa' })).location);
    await post(`/my/listings/${id}`, { intent: 'submit' });
    await applyListingTransition(market.ctx, await curator(), id, 'request_changes', { reason: 'Nêu rõ giá bán' });
    for (const path of [`/my/listings/${id}`, `/my/listings/${id}/edit`]) {
      const html = (await get(path)).html;
      expect(html).toContain('Kiểm duyệt viên yêu cầu chỉnh sửa');
      expect(html).toContain('Nêu rõ giá bán');
    }
  });
});
