// Every private page, form action and API call, tried as each kind of person. The right ones
// succeed; the others get 401/403/404 (or, on pages, the sign-in redirect); nothing private leaks.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '../../db/connection.js';
import { newToken } from '../../app/auth/tokens.server.js';
import { languageCookie } from '../../app/i18n/language.server.js';
import { hashPassword } from '../../app/auth/password.server.js';
import { importPublishedListings } from '../../app/services/listing-import.server.js';
import { AI_OFFER, WASTEWATER_DEMAND, WASTEWATER_OFFER, createOrganisation, createUser } from '../fixtures/market.js';
import { createTestMarket, type TestMarket } from '../support/market.js';
import { startTestServer } from '../support/server.js';

type Who = 'anonymous' | 'other' | 'member' | 'admin' | 'curator' | 'platform';
const PEOPLE: Who[] = ['anonymous', 'other', 'member', 'admin', 'curator'];
const PASSWORD = 'mat-khau-thu-nghiem';

let market: TestMarket;
let server: { url: string; close(): Promise<void> };
const cookies: Partial<Record<Who, string>> = {};
let draft: string;
let pending: string;
let anonymousOffer: string;
let otherOrgSlug = 'cty-khac';

async function login(email: string): Promise<string> {
  const res = await fetch(`${server.url}/login`, { method: 'POST', body: new URLSearchParams({ email, password: PASSWORD }), redirect: 'manual' });
  expect(res.status).toBe(302);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

async function call(who: Who, method: string, path: string, body?: Record<string, string> | object) {
  const headers: Record<string, string> = {};
  if (cookies[who]) headers.cookie = cookies[who]!;
  let payload: string | URLSearchParams | undefined;
  if (body && path.startsWith('/api/')) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  } else if (body) payload = new URLSearchParams(body as Record<string, string>);
  const res = await fetch(`${server.url}${path}`, { method, headers, body: payload, redirect: 'manual' });
  const text = await res.text();
  return { status: res.status, location: res.headers.get('location'), text };
}

/** What a page answers someone who may not see it: sign in first, or a 403/404. */
const toLogin = (r: { status: number; location: string | null }) => r.status === 302 && (r.location ?? '').startsWith('/login?redirectTo=');

beforeAll(async () => {
  market = await createTestMarket();
  const passwordHash = await hashPassword(PASSWORD);
  const uni = await createOrganisation(market.db, { slug: 'dh-chu', name: 'Đại học Chủ Tin', type: 'university', taxCode: '0100000021' });
  const other = await createOrganisation(market.db, { slug: otherOrgSlug, name: 'Công ty Khác', type: 'enterprise', taxCode: '0100000022' });
  const agency = await createOrganisation(market.db, { slug: 'so', name: 'Sở KH&CN', type: 'agency', taxCode: '0100000023' });
  await createUser(market.db, { email: 'member@chu.vn', organisationId: uni, passwordHash });
  await createUser(market.db, { email: 'admin@chu.vn', organisationId: uni, role: 'admin', passwordHash });
  await createUser(market.db, { email: 'other@khac.vn', organisationId: other, role: 'admin', passwordHash });
  await createUser(market.db, { email: 'curator@so.vn', organisationId: agency, passwordHash });
  const platform = await createOrganisation(market.db, { slug: 'nen-tang', name: 'Nền tảng', type: 'enterprise', taxCode: '0100000024' });
  const platformAdmin = await createUser(market.db, { email: 'root@nen-tang.vn', organisationId: platform, role: 'admin', passwordHash });
  await market.db.updateTable('users').set({ platform_admin: true }).where('id', '=', platformAdmin).execute();
  server = await startTestServer(market.ctx);
  cookies.member = await login('member@chu.vn');
  cookies.admin = await login('admin@chu.vn');
  cookies.other = await login('other@khac.vn');
  cookies.curator = await login('curator@so.vn');
  cookies.platform = await login('root@nen-tang.vn');

  const make = async (input: object) => {
    const res = await call('member', 'POST', '/api/v1/my/listings', input);
    expect(res.status).toBe(201);
    return JSON.parse(res.text).data.id as string;
  };
  draft = await make({ ...WASTEWATER_OFFER, title: 'Bản nháp bí mật về màng lọc', confidentialDetails: 'CONFIDENTIAL-DRAFT-7731' });
  pending = await make({ ...AI_OFFER, title: 'Pending OCR engine' });
  expect((await call('member', 'POST', `/api/v1/my/listings/${pending}/submit`)).status).toBe(200);
  anonymousOffer = (await importPublishedListings(market.ctx, uni, [{ ...WASTEWATER_DEMAND, kind: 'offer', ipStatus: 'know_how', anonymous: true, confidentialDetails: 'CONFIDENTIAL-PUBLISHED-9917' }])).ids[0]!;
});

afterAll(async () => {
  await server?.close();
  await market?.close();
});

describe('private pages', () => {
  const cases: { path: () => string; allowed: Who[]; denied: number }[] = [
    { path: () => '/my/listings', allowed: ['other', 'member', 'admin', 'curator'], denied: 0 },
    { path: () => `/my/listings/${draft}`, allowed: ['member', 'admin'], denied: 404 },
    { path: () => `/my/listings/${draft}/edit`, allowed: ['member', 'admin'], denied: 404 },
    { path: () => '/my/organisation', allowed: ['other', 'member', 'admin', 'curator'], denied: 0 },
    { path: () => '/notifications', allowed: ['other', 'member', 'admin', 'curator'], denied: 0 },
    { path: () => '/account', allowed: ['other', 'member', 'admin', 'curator'], denied: 0 },
    { path: () => '/curator', allowed: ['curator'], denied: 403 },
    { path: () => `/curator/listings/${pending}`, allowed: ['curator'], denied: 403 },
    { path: () => '/curator/organisations', allowed: ['curator'], denied: 403 },
  ];
  for (const c of cases) {
    it(`GET ${c.path.toString().replace(/^\(\) => /, '')}`, async () => {
      for (const who of PEOPLE) {
        const res = await call(who, 'GET', c.path());
        if (who === 'anonymous') expect(toLogin(res), `${who} ${c.path()}`).toBe(true);
        else if (c.allowed.includes(who)) expect(res.status, `${who} ${c.path()}`).toBe(200);
        else expect(res.status, `${who} ${c.path()}`).toBe(c.denied);
      }
    });
  }

  it('never shows a draft or pending listing on its public page, to anyone', async () => {
    for (const who of PEOPLE) {
      for (const id of [draft, pending]) expect((await call(who, 'GET', `/listings/${id}`)).status).toBe(404);
    }
  });
});

describe('form actions', () => {
  it('archive (asked on a page of its own) and restore: only the owning organisation', async () => {
    const id = JSON.parse((await call('member', 'POST', '/api/v1/my/listings', { ...AI_OFFER, title: 'Draft to archive and restore' })).text).data.id as string;
    expect(toLogin(await call('anonymous', 'GET', `/my/listings/${id}/archive`))).toBe(true);
    expect((await call('other', 'GET', `/my/listings/${id}/archive`)).status).toBe(404);
    expect((await call('other', 'POST', `/my/listings/${id}/archive`, {})).status).toBe(404);
    expect((await call('curator', 'POST', `/my/listings/${id}/archive`, {})).status).toBe(404);
    expect((await call('member', 'GET', `/my/listings/${id}/archive`)).status).toBe(200);
    // The listing's own page no longer archives at once.
    expect((await call('member', 'POST', `/my/listings/${id}`, { intent: 'archive' })).status).toBe(400);
    expect((await call('member', 'POST', `/my/listings/${id}/archive`, {})).status).toBe(302);
    expect((await call('other', 'POST', `/my/listings/${id}`, { intent: 'restore' })).status).toBe(404);
    expect((await call('member', 'POST', `/my/listings/${id}`, { intent: 'restore' })).status).toBe(200);
    expect((await market.db.selectFrom('listings').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('draft');
  });

  it('submit for review: only the owning organisation', async () => {
    const id = JSON.parse((await call('member', 'POST', '/api/v1/my/listings', { ...AI_OFFER, title: 'Draft to submit by form' })).text).data.id;
    expect(toLogin(await call('anonymous', 'POST', `/my/listings/${id}`, { intent: 'submit' }))).toBe(true);
    expect((await call('other', 'POST', `/my/listings/${id}`, { intent: 'submit' })).status).toBe(404);
    // A draft never submitted is its organisation's own: curators do not even see it.
    expect((await call('curator', 'POST', `/my/listings/${id}`, { intent: 'submit' })).status).toBe(404);
    expect((await call('admin', 'POST', `/my/listings/${id}`, { intent: 'submit' })).status).toBe(200);
    expect((await call('member', 'POST', `/my/listings/${id}`, { intent: 'submit' })).status).toBe(409);
  });

  it('approve: only curators', async () => {
    expect(toLogin(await call('anonymous', 'POST', `/curator/listings/${pending}`, { intent: 'approve' }))).toBe(true);
    for (const who of ['other', 'member', 'admin'] as Who[]) {
      expect((await call(who, 'POST', `/curator/listings/${pending}`, { intent: 'approve' })).status, who).toBe(403);
    }
    expect((await call('curator', 'POST', `/curator/listings/${pending}`, { intent: 'approve' })).status).toBe(200);
  });

  it('verify an organisation: only curators, and only on a request with evidence', async () => {
    const org = await market.db.selectFrom('organisations').select('id').where('slug', '=', otherOrgSlug).executeTakeFirstOrThrow();
    const verify = { decision: 'verify', checks: 'tax_code_active' };
    expect(toLogin(await call('anonymous', 'POST', `/curator/organisations/${org.id}`, verify))).toBe(true);
    for (const who of ['other', 'member', 'admin'] as Who[]) {
      expect((await call(who, 'POST', `/curator/organisations/${org.id}`, verify)).status, who).toBe(403);
      expect((await call(who, 'GET', `/curator/organisations/${org.id}`)).status, who).toBe(403);
    }
    expect((await call('curator', 'POST', `/curator/organisations/${org.id}`, { decision: 'verify' })).status).toBe(400);
    // No request with evidence: nothing to verify.
    expect((await call('curator', 'POST', `/curator/organisations/${org.id}`, verify)).status).toBe(409);
  });

  it('invite a member: only an admin of the organisation', async () => {
    expect(toLogin(await call('anonymous', 'POST', '/my/organisation', { intent: 'invite', email: 'x@chu.vn', role: 'member' }))).toBe(true);
    expect((await call('member', 'POST', '/my/organisation', { intent: 'invite', email: 'x@chu.vn', role: 'member' })).status).toBe(403);
    expect((await call('admin', 'POST', '/my/organisation', { intent: 'invite', email: 'x@chu.vn', role: 'member' })).status).toBe(200);
    const invitation = await market.db.selectFrom('invitations as i').innerJoin('organisations as o', 'o.id', 'i.organisation_id').select('o.slug').where('i.email', '=', 'x@chu.vn').executeTakeFirstOrThrow();
    expect(invitation.slug).toBe('dh-chu');
  });
});

describe('the API for own listings', () => {
  it('answers 401 without a session', async () => {
    expect((await call('anonymous', 'GET', '/api/v1/my/listings')).status).toBe(401);
    expect((await call('anonymous', 'POST', '/api/v1/my/listings', AI_OFFER)).status).toBe(401);
    expect((await call('anonymous', 'GET', `/api/v1/my/listings/${draft}`)).status).toBe(401);
    expect((await call('anonymous', 'PATCH', `/api/v1/my/listings/${draft}`, AI_OFFER)).status).toBe(401);
    expect((await call('anonymous', 'POST', `/api/v1/my/listings/${draft}/submit`)).status).toBe(401);
  });

  it("answers 404 for another organisation's listing, and lists only one's own", async () => {
    expect((await call('other', 'GET', `/api/v1/my/listings/${draft}`)).status).toBe(404);
    expect((await call('other', 'PATCH', `/api/v1/my/listings/${draft}`, { ...WASTEWATER_OFFER, title: 'Hijacked title' })).status).toBe(404);
    expect((await call('other', 'POST', `/api/v1/my/listings/${draft}/submit`)).status).toBe(404);
    const mine = JSON.parse((await call('other', 'GET', '/api/v1/my/listings')).text).data;
    expect(mine).toEqual([]);
    const own = await call('member', 'GET', `/api/v1/my/listings/${draft}`);
    expect(own.status).toBe(200);
    expect(own.text).toContain('CONFIDENTIAL-DRAFT-7731');
  });

  it('validates input with field errors, and refuses a body that is not JSON', async () => {
    const bad = await call('member', 'PATCH', `/api/v1/my/listings/${draft}`, { ...WASTEWATER_OFFER, trl: 12, title: '' });
    expect(bad.status).toBe(400);
    expect(Object.keys(JSON.parse(bad.text).fields).sort()).toEqual(['title', 'trl']);
    const res = await fetch(`${server.url}/api/v1/my/listings`, { method: 'POST', headers: { cookie: cookies.member!, 'content-type': 'application/json' }, body: '{not json' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBeTruthy();
  });
});

describe('nothing private leaks', () => {
  it('keeps drafts, confidential details and anonymous owners out of pages, API and the index', async () => {
    const places = [
      '/api/v1/listings?per_page=100',
      '/api/v1/search?q=mang+loc',
      '/api/v1/search?q=CONFIDENTIAL',
      `/api/v1/listings/${anonymousOffer}`,
      `/listings/${anonymousOffer}`,
      '/search?q=det+nhuom',
      '/offers',
      '/organisations/dh-chu',
      '/',
    ];
    for (const path of places) {
      const { text } = await call('anonymous', 'GET', path);
      expect(text, path).not.toContain('CONFIDENTIAL-');
      expect(text, path).not.toContain('Bản nháp bí mật');
    }
    for (const path of [`/api/v1/listings/${anonymousOffer}`, `/listings/${anonymousOffer}`]) {
      expect((await call('anonymous', 'GET', path)).text, path).not.toMatch(/Đại học Chủ Tin|dh-chu/);
    }
    const listed = JSON.parse((await call('anonymous', 'GET', '/api/v1/listings?per_page=100')).text).data as { id: string; owner: object }[];
    // The only university of this market: even its type would name it (tests/routes/anonymity.test.ts).
    expect(listed.find((l) => l.id === anonymousOffer)?.owner).toEqual({ id: null, slug: null, name: null, type: null, verified: false });
    expect((await call('anonymous', 'GET', '/organisations/dh-chu')).text).not.toContain('dệt nhuộm');
    const { results } = await market.search.listings().getDocuments({ limit: 1000 });
    const index = JSON.stringify(results);
    expect(index).not.toContain('CONFIDENTIAL-');
    expect(index).not.toContain('Bản nháp bí mật');
    expect(JSON.stringify(results.find((d) => d.id === anonymousOffer))).not.toMatch(/Đại học Chủ Tin|dh-chu/);
  });
});

describe('drafts versus curators and the platform admin', () => {
  const STAFF: Who[] = ['curator', 'platform'];
  const fileOf = async (listingId: string) => {
    const form = new FormData();
    form.set('intent', 'add');
    form.set('file', new Blob([new TextEncoder().encode('%PDF-1.4 draft file')], { type: 'application/pdf' }), 'ban-nhap.pdf');
    await fetch(`${server.url}/my/listings/${listingId}/attachments`, { method: 'POST', body: form, headers: { cookie: cookies.member! }, redirect: 'manual' });
    return (await market.db.selectFrom('attachments').select('id').where('listing_id', '=', listingId).executeTakeFirstOrThrow()).id;
  };

  it('a draft never submitted is hidden from them everywhere: pages, API, matches, files, actions', async () => {
    const file = await fileOf(draft);
    for (const who of STAFF) {
      for (const path of [`/my/listings/${draft}`, `/curator/listings/${draft}`, `/api/v1/my/listings/${draft}`, `/api/v1/listings/${draft}/matches`, `/attachments/${file}`, `/listings/${draft}`]) {
        const res = await call(who, 'GET', path);
        expect(res.status, `${who} GET ${path}`).toBe(404);
        expect(res.text, `${who} GET ${path}`).not.toContain('CONFIDENTIAL-DRAFT-7731');
      }
      for (const intent of ['feature', 'approve']) {
        expect((await call(who, 'POST', `/curator/listings/${draft}`, { intent })).status, `${who} ${intent}`).toBe(404);
      }
    }
    expect((await call('member', 'GET', `/attachments/${file}`)).status).toBe(200);
    const featured = await market.db.selectFrom('listings').select(['featured', 'status']).where('id', '=', draft).executeTakeFirstOrThrow();
    expect(featured).toEqual({ featured: false, status: 'draft' });
  });

  it('a listing is theirs to review from its submission on, also after changes were requested', async () => {
    const id = JSON.parse((await call('member', 'POST', '/api/v1/my/listings', { ...AI_OFFER, title: 'Submitted then sent back', confidentialDetails: 'CONFIDENTIAL-SUBMITTED-4410' })).text).data.id as string;
    const file = await fileOf(id);
    for (const who of STAFF) expect((await call(who, 'GET', `/curator/listings/${id}`)).status, who).toBe(404);
    expect((await call('member', 'POST', `/api/v1/my/listings/${id}/submit`)).status).toBe(200);
    expect((await call('curator', 'POST', `/curator/listings/${id}`, { intent: 'request_changes', reason: 'Nêu rõ TRL' })).status).toBe(200);
    for (const who of STAFF) {
      for (const path of [`/curator/listings/${id}`, `/my/listings/${id}`, `/api/v1/my/listings/${id}`, `/attachments/${file}`]) {
        expect((await call(who, 'GET', path)).status, `${who} GET ${path}`).toBe(200);
      }
      expect((await call(who, 'GET', `/api/v1/my/listings/${id}`)).text).toContain('CONFIDENTIAL-SUBMITTED-4410');
    }
  });
});

describe('request forgery and cookies', () => {
  it('refuses a form posted from another site', async () => {
    const res = await fetch(`${server.url}/my/listings/new?kind=offer`, {
      method: 'POST',
      headers: { cookie: cookies.member!, origin: 'https://evil.example' },
      body: new URLSearchParams({ intent: 'save', title: 'Forged' }),
      redirect: 'manual',
    });
    expect(res.status).toBe(403);
  });

  it('sets the session cookie HttpOnly and SameSite=Lax, Secure behind an HTTPS proxy that TRUST_PROXY believes', async () => {
    const signIn = (url: string) =>
      fetch(`${url}/login`, { method: 'POST', headers: { 'x-forwarded-proto': 'https' }, body: new URLSearchParams({ email: 'member@chu.vn', password: PASSWORD }), redirect: 'manual' });
    // Without TRUST_PROXY anybody could send the header: it is not believed.
    const cookie = (await signIn(server.url)).headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    const behindProxy = await startTestServer(market.ctx, { trustProxy: ['loopback'] });
    try {
      expect((await signIn(behindProxy.url)).headers.get('set-cookie')).toMatch(/Secure/i);
    } finally {
      await behindProxy.close();
    }
  });

  it('redirects after sign-in only to local paths', async () => {
    for (const redirectTo of ['//evil.example/x', 'https://evil.example', '/\\evil.example']) {
      const res = await fetch(`${server.url}/login`, { method: 'POST', body: new URLSearchParams({ email: 'member@chu.vn', password: PASSWORD, redirectTo }), redirect: 'manual' });
      expect(res.headers.get('location'), redirectTo).toBe('/my/listings');
    }
    const local = await fetch(`${server.url}/login`, { method: 'POST', body: new URLSearchParams({ email: 'member@chu.vn', password: PASSWORD, redirectTo: '/notifications' }), redirect: 'manual' });
    expect(local.headers.get('location')).toBe('/notifications');
  });
});

describe('match actions', () => {
  // A published offer of the university (member and admin), matched with a published demand of
  // the other company, and a pair stored as the matching job would store it.
  let offer: string;
  let demand: string;
  const intentButtons = /name="intent" value="(save|unsave|dismiss)"/;
  const stateOf = async () =>
    (await market.db.selectFrom('matches').select('offer_side_state').where('offer_id', '=', offer).where('demand_id', '=', demand).executeTakeFirstOrThrow()).offer_side_state;

  beforeAll(async () => {
    const uni = await market.db.selectFrom('organisations').select('id').where('slug', '=', 'dh-chu').executeTakeFirstOrThrow();
    const other = await market.db.selectFrom('organisations').select('id').where('slug', '=', otherOrgSlug).executeTakeFirstOrThrow();
    offer = (await importPublishedListings(market.ctx, uni.id, [{ ...WASTEWATER_OFFER, title: 'Màng lọc nước thải dệt nhuộm có cặp' }])).ids[0]!;
    demand = (await importPublishedListings(market.ctx, other.id, [{ ...WASTEWATER_DEMAND, title: 'Cần xử lý nước thải nhà máy dệt' }])).ids[0]!;
    const now = new Date();
    await market.db
      .insertInto('matches')
      .values({ demand_id: demand, offer_id: offer, score: 80, reasons: JSON.stringify([]), computed_at: now, first_seen_at: now })
      .onConflict((oc) => oc.columns(['demand_id', 'offer_id']).doNothing())
      .execute();
  });

  it("a curator sees a listing's matches but no Save / Dismiss, and saving is refused with 403, not 404", async () => {
    for (const who of ['curator', 'platform'] as Who[]) {
      const page = await call(who, 'GET', `/listings/${offer}`);
      expect(page.status, who).toBe(200);
      expect(page.text, who).toContain('Cần xử lý nước thải nhà máy dệt');
      expect(page.text, who).not.toMatch(intentButtons);
      expect((await call(who, 'POST', `/listings/${offer}`, { intent: 'save', other: demand })).status, who).toBe(403);
    }
    expect(await stateOf()).toBeNull();
  });

  it('the owning organisation sees the buttons, and they work', async () => {
    const page = await call('member', 'GET', `/listings/${offer}`);
    expect(page.text).toMatch(intentButtons);
    expect((await call('member', 'POST', `/listings/${offer}`, { intent: 'save', other: demand })).status).toBe(200);
    expect(await stateOf()).toBe('saved');
    expect((await call('member', 'GET', `/listings/${offer}`)).text).toContain('value="unsave"');
    expect((await call('admin', 'POST', `/listings/${offer}`, { intent: 'unsave', other: demand })).status).toBe(200);
    expect(await stateOf()).toBeNull();
  });

  it('nobody else sees the buttons: not the other side of the match, not a visitor', async () => {
    for (const who of ['anonymous', 'other'] as Who[]) {
      const page = await call(who, 'GET', `/listings/${offer}`);
      expect(page.status, who).toBe(200);
      expect(page.text, who).not.toMatch(intentButtons);
    }
  });

  // Who × what: the owner's people may; those who see the listing but do not own it get 403;
  // a visitor is sent to sign in. The other side of the match acts on its own listing only.
  const MATRIX: { who: Who; status: number | 'login' }[] = [
    { who: 'anonymous', status: 'login' },
    { who: 'other', status: 403 },
    { who: 'curator', status: 403 },
    { who: 'platform', status: 403 },
    { who: 'member', status: 200 },
    { who: 'admin', status: 200 },
  ];
  for (const { who, status } of MATRIX) {
    it(`${who}: save, dismiss, unsave answer ${status}`, async () => {
      for (const [intent, after] of [['save', 'saved'], ['dismiss', 'dismissed'], ['unsave', null]] as const) {
        const before = await stateOf();
        const res = await call(who, 'POST', `/listings/${offer}`, { intent, other: demand });
        if (status === 'login') expect(toLogin(res), `${who} ${intent}`).toBe(true);
        else expect(res.status, `${who} ${intent}`).toBe(status);
        expect(await stateOf(), `${who} ${intent}`).toBe(status === 200 ? after : before);
      }
    });
  }

  it("the other side acts on its own listing's side of the same match, and only there", async () => {
    expect((await call('other', 'POST', `/listings/${demand}`, { intent: 'save', other: offer })).status).toBe(200);
    const row = await market.db.selectFrom('matches').select(['demand_side_state', 'offer_side_state']).where('offer_id', '=', offer).where('demand_id', '=', demand).executeTakeFirstOrThrow();
    expect(row).toEqual({ demand_side_state: 'saved', offer_side_state: null });
    expect((await call('member', 'POST', `/listings/${demand}`, { intent: 'dismiss', other: offer })).status).toBe(403);
  });

  it('a listing one may not see stays hidden: 404 for match actions on a draft never submitted', async () => {
    for (const who of ['other', 'curator', 'platform'] as Who[]) {
      expect((await call(who, 'POST', `/listings/${draft}`, { intent: 'save', other: offer })).status, who).toBe(404);
    }
  });

  it("the API shows a published listing's matches to everyone who may see it", async () => {
    for (const who of PEOPLE) {
      const res = await call(who, 'GET', `/api/v1/listings/${offer}/matches`);
      expect(res.status, who).toBe(200);
      expect(res.text, who).toContain(demand);
    }
  });
});

describe('curator work reaches only listings curators may see inside', () => {
  it('an archived draft that was never submitted cannot be featured', async () => {
    const id = JSON.parse((await call('member', 'POST', '/api/v1/my/listings', { ...AI_OFFER, title: 'Draft archived unseen' })).text).data.id as string;
    expect((await call('member', 'POST', `/my/listings/${id}/archive`, {})).status).toBe(302);
    for (const who of ['curator', 'platform'] as Who[]) {
      expect((await call(who, 'POST', `/curator/listings/${id}`, { intent: 'feature' })).status, who).toBe(404);
    }
    expect((await market.db.selectFrom('listings').select(['featured', 'status']).where('id', '=', id).executeTakeFirstOrThrow())).toEqual({ featured: false, status: 'archived' });
  });
});

describe('a form post with an intent its route does not offer (issue 8)', () => {
  const snapshot = async () => ({
    invitations: (await market.db.selectFrom('invitations').select('id').execute()).length,
    searches: (await market.db.selectFrom('saved_searches').select('id').execute()).length,
    attachments: (await market.db.selectFrom('attachments').select('id').execute()).length,
    listings: (await market.db.selectFrom('listings').select(['id', 'title', 'version']).orderBy('id').execute()),
    matches: (await market.db.selectFrom('matches').select(['demand_side_state', 'offer_side_state']).where((eb) => eb.or([eb('demand_side_state', 'is not', null), eb('offer_side_state', 'is not', null)])).execute()).length,
    users: (await market.db.selectFrom('users').select(['id', 'role']).orderBy('id').execute()),
  });
  const postUpload = async (path: string, fields: Record<string, string>) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    form.set('file', new Blob([new TextEncoder().encode('%PDF-1.4 x')], { type: 'application/pdf' }), 'x.pdf');
    const res = await fetch(`${server.url}${path}`, { method: 'POST', body: form, headers: { cookie: cookies.member! }, redirect: 'manual' });
    return { status: res.status, text: await res.text() };
  };

  it('answers 400 on every page with several forms, and changes nothing', async () => {
    const before = await snapshot();
    const member = await market.db.selectFrom('users').select('id').where('email', '=', 'member@chu.vn').executeTakeFirstOrThrow();
    const posts: [Who, string, Record<string, string>][] = [
      ['admin', '/my/organisation', { email: 'nguoi-la@chu.vn', role: 'admin', userId: member.id, organisationName: 'Đổi tên', province: 'hue' }],
      ['member', '/my/searches', { name: 'Tìm kiếm', query: 'q=ocr' }],
      ['member', `/listings/${anonymousOffer}`, { other: draft }],
      ['member', '/my/listings/new?kind=offer', { ...Object.fromEntries(Object.entries(AI_OFFER).map(([k, v]) => [k, String(v)])), title: 'Không được lưu' }],
      ['member', `/my/listings/${draft}/edit`, { title: 'Không được sửa', description: 'x' }],
    ];
    for (const [who, path, fields] of posts) {
      for (const intent of ['bogus', undefined]) {
        const res = await call(who, 'POST', path, intent === undefined ? fields : { ...fields, intent });
        expect(res.status, `${who} ${path} intent=${intent}`).toBe(400);
      }
    }
    for (const fields of [{ intent: 'replace' }, {}] as Record<string, string>[]) {
      expect((await postUpload(`/my/listings/${draft}/attachments`, fields)).status, JSON.stringify(fields)).toBe(400);
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('error pages: status, the reader’s language, and a way on', () => {
  // The language a reader chose, as the switch on every page sets it.
  const langCookie = async (lang: 'vi' | 'en') => (await languageCookie.serialize(lang)).split(';')[0]!;
  async function open(who: Who, lang: 'vi' | 'en', method: string, path: string, body?: Record<string, string>, base = server.url) {
    const cookie = [cookies[who], await langCookie(lang)].filter(Boolean).join('; ');
    const res = await fetch(`${base}${path}`, { method, headers: { cookie }, body: body ? new URLSearchParams(body) : undefined, redirect: 'manual' });
    return { status: res.status, text: await res.text() };
  }
  /** Each error page names what happened and links somewhere to go next. */
  const hasWayOn = (text: string, href: string) => expect(text).toContain(`href="${href.replace(/&/g, '&amp;')}"`);
  const ENGLISH_ON_VI = /Something went wrong|We have logged|This cannot be done|Unknown action|Only curators|Not found|expired or was already used/;

  it('403: says the person may not do this, not “something went wrong, we logged it”', async () => {
    const vi = await open('member', 'vi', 'GET', '/curator');
    expect(vi.status).toBe(403);
    expect(vi.text).toContain('Bạn không có quyền làm việc này');
    expect(vi.text).toContain('Chỉ cán bộ quản lý sàn của cơ quan mới được làm việc này.');
    expect(vi.text).not.toContain('Đã có lỗi xảy ra');
    expect(vi.text).not.toContain('ghi nhận sự cố');
    expect(vi.text).not.toMatch(ENGLISH_ON_VI);
    hasWayOn(vi.text, '/login?redirectTo=%2Fcurator');
    hasWayOn(vi.text, '/');
    const en = await open('member', 'en', 'GET', '/curator');
    expect(en.status).toBe(403);
    expect(en.text).toContain('You may not do this');
    expect(en.text).toContain('Only curators of the agency may do this.');
    expect(en.text).not.toContain('Something went wrong');
    expect(en.text).toContain('Sign in with another account');
  });

  it('404: page not found, with search and home', async () => {
    const vi = await open('anonymous', 'vi', 'GET', '/khong-co-trang-nay');
    expect(vi.status).toBe(404);
    expect(vi.text).toContain('Không tìm thấy trang');
    expect(vi.text).toContain('Tìm kiếm trên sàn');
    expect(vi.text).not.toMatch(ENGLISH_ON_VI);
    hasWayOn(vi.text, '/search');
    const en = await open('member', 'en', 'GET', `/my/listings/${randomUUID()}`);
    expect(en.status).toBe(404);
    expect(en.text).toContain('Page not found');
    expect(en.text).toContain('There is nothing here, or it is not yours to see.');
    hasWayOn(en.text, '/search');
  });

  it('400: an unknown form action is explained in the reader’s language, above the page’s own buttons', async () => {
    const id = JSON.parse((await call('member', 'POST', '/api/v1/my/listings', { ...AI_OFFER, title: 'Draft for an unknown action' })).text).data.id as string;
    const vi = await open('member', 'vi', 'POST', `/my/listings/${id}`, { intent: 'delete_everything' });
    // The page itself answers, with the message above the buttons it does offer.
    expect(vi.status).toBe(400);
    expect(vi.text).toContain('Biểu mẫu yêu cầu một thao tác mà trang này không có.');
    expect(vi.text).not.toMatch(ENGLISH_ON_VI);
    expect(vi.text).toContain('name="intent" value="submit"');
    const en = await open('curator', 'en', 'POST', `/curator/listings/${pending}`, { intent: 'delete_everything' });
    expect(en.status).toBe(400);
    expect(en.text).toContain('This form asked for an action the page does not offer.');
    expect(en.text).not.toContain('Unknown action');
  });

  it('409: submitting twice on a Vietnamese page says so in Vietnamese, with no English sentence', async () => {
    const id = JSON.parse((await call('member', 'POST', '/api/v1/my/listings', { ...AI_OFFER, title: 'Submitted twice' })).text).data.id as string;
    expect((await open('member', 'vi', 'POST', `/my/listings/${id}`, { intent: 'submit' })).status).toBe(200);
    const vi = await open('member', 'vi', 'POST', `/my/listings/${id}`, { intent: 'submit' });
    expect(vi.status).toBe(409);
    expect(vi.text).toContain('Không thể làm việc này khi tin đăng đang ở trạng thái “Chờ kiểm duyệt”.');
    expect(vi.text).not.toContain('This cannot be done while the listing is');
    expect(vi.text).not.toMatch(ENGLISH_ON_VI);
    const en = await open('member', 'en', 'POST', `/my/listings/${id}`, { intent: 'submit' });
    expect(en.status).toBe(409);
    expect(en.text).toContain('This cannot be done while the listing is Waiting for review.');
    // A stale version (another tab) is a 409 too, and says to reload.
    const stale = await open('member', 'vi', 'POST', `/my/listings/${id}/archive`, { version: '1' });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('hãy tải lại trang');
  });

  it('410: a used or expired password-reset link says the link has expired and offers a new one, not “page not found”', async () => {
    const user = await market.db.selectFrom('users').select('id').where('email', '=', 'member@chu.vn').executeTakeFirstOrThrow();
    const expired = newToken();
    const used = newToken();
    await market.db
      .insertInto('password_resets')
      .values([
        { token_hash: expired.hash, user_id: user.id, expires_at: new Date(Date.now() - 60_000), used_at: null },
        { token_hash: used.hash, user_id: user.id, expires_at: new Date(Date.now() + 3_600_000), used_at: new Date() },
      ])
      .execute();
    for (const [method, token] of [['POST', expired.token], ['POST', used.token], ['GET', expired.token], ['GET', used.token]] as const) {
      const body = method === 'POST' ? { password: 'mat-khau-moi-rat-dai' } : undefined;
      const vi = await open('anonymous', 'vi', method, `/reset-password/${token}`, body);
      expect(vi.status, `${method} vi`).toBe(410);
      expect(vi.text).toContain('Liên kết này đã hết hạn hoặc đã được sử dụng.');
      expect(vi.text).toContain('Yêu cầu liên kết mới');
      expect(vi.text).not.toContain('Không tìm thấy trang');
      hasWayOn(vi.text, '/forgot-password');
      const en = await open('anonymous', 'en', method, `/reset-password/${token}`, body);
      expect(en.status, `${method} en`).toBe(410);
      expect(en.text).toContain('This link has expired or was already used.');
      expect(en.text).not.toContain('Page not found');
      hasWayOn(en.text, '/forgot-password');
    }
    // The password did not change.
    expect((await fetch(`${server.url}/login`, { method: 'POST', body: new URLSearchParams({ email: 'member@chu.vn', password: PASSWORD }), redirect: 'manual' })).status).toBe(302);
  });

  it('410: a used invitation or sign-up confirmation link says so too, with its own way on', async () => {
    const org = await market.db.selectFrom('organisations').select('id').where('slug', '=', 'dh-chu').executeTakeFirstOrThrow();
    const admin = await market.db.selectFrom('users').select('id').where('email', '=', 'admin@chu.vn').executeTakeFirstOrThrow();
    const invitation = newToken();
    await market.db
      .insertInto('invitations')
      .values({ token_hash: invitation.hash, organisation_id: org.id, email: 'late@chu.vn', role: 'member', invited_by: admin.id, expires_at: new Date(Date.now() - 60_000), accepted_at: null })
      .execute();
    const vi = await open('anonymous', 'vi', 'GET', `/invitations/${invitation.token}`);
    expect(vi.status).toBe(410);
    expect(vi.text).toContain('Liên kết này đã hết hạn hoặc đã được sử dụng.');
    expect(vi.text).toContain('Hãy đề nghị quản trị viên của tổ chức gửi lại lời mời.');
    expect(vi.text).not.toMatch(ENGLISH_ON_VI);
    const en = await open('anonymous', 'en', 'POST', `/invitations/${invitation.token}`, { name: 'Late Comer', password: 'mat-khau-moi-rat-dai' });
    expect(en.status).toBe(410);
    expect(en.text).toContain('administrator to invite you again.');
    const signUp = await open('anonymous', 'vi', 'GET', `/signup/confirm/${newToken().token}`);
    expect(signUp.status).toBe(410);
    expect(signUp.text).toContain('Liên kết này đã hết hạn hoặc đã được sử dụng.');
    hasWayOn(signUp.text, '/signup');
  });

  it('500: says the fault is ours and offers a reload, in the reader’s language even when the root loader failed', async () => {
    // The database unreachable: the root loader itself fails, so only the request tells the language.
    const unreachable = createDb('postgres://nobody@127.0.0.1:9/none', { max: 1 });
    const broken = await startTestServer({ ...market.ctx, db: unreachable });
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const viPage = await open('member', 'vi', 'GET', '/my/listings', undefined, broken.url);
      expect(viPage.status).toBe(500);
      expect(viPage.text).toContain('<html lang="vi"');
      expect(viPage.text).toContain('Đã có lỗi xảy ra');
      expect(viPage.text).toContain('Tải lại trang');
      hasWayOn(viPage.text, '/my/listings');
      const enPage = await open('member', 'en', 'GET', '/my/listings', undefined, broken.url);
      expect(enPage.status).toBe(500);
      expect(enPage.text).toContain('<html lang="en"');
      expect(enPage.text).toContain('Something went wrong');
      expect(enPage.text).toContain('Reload the page');
      expect(enPage.text).not.toContain('Đã có lỗi xảy ra');
    } finally {
      quiet.mockRestore();
      await broken.close();
      await unreachable.destroy();
    }
  });

  it('the API answers in the caller’s language, with codes for programs', async () => {
    const id = JSON.parse((await call('member', 'POST', '/api/v1/my/listings', { ...AI_OFFER, title: 'Submitted twice by API' })).text).data.id as string;
    expect((await call('member', 'POST', `/api/v1/my/listings/${id}/submit`)).status).toBe(200);
    const vi = await fetch(`${server.url}/api/v1/my/listings/${id}/submit`, { method: 'POST', headers: { cookie: cookies.member!, 'accept-language': 'vi-VN,vi;q=0.9,en;q=0.5' } });
    expect(vi.status).toBe(409);
    expect(await vi.json()).toMatchObject({ code: 'wrong_state', error: 'Không thể làm việc này khi tin đăng đang ở trạng thái “Chờ kiểm duyệt”.' });
    const en = await fetch(`${server.url}/api/v1/my/listings/${id}/submit`, { method: 'POST', headers: { cookie: cookies.member! } });
    expect(await en.json()).toMatchObject({ code: 'wrong_state', error: 'This cannot be done while the listing is Waiting for review.' });
    const chosen = await fetch(`${server.url}/api/v1/listings?sector=nonsense`, { headers: { cookie: await langCookie('vi') } });
    expect(chosen.status).toBe(400);
    expect(await chosen.json()).toMatchObject({ code: 'query_parameter', parameter: 'sector', error: 'tham số tìm kiếm “sector” không hợp lệ' });
  });
});
