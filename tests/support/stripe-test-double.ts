// TEST DOUBLE of the Stripe API — not Stripe, and not a mock of our code. A local HTTP server that
// answers the few Stripe API calls OpenTEX makes (connected accounts, account links, Checkout
// Sessions), so tests reach it through the official SDK's real HTTP path (STRIPE_API_BASE, see
// app/payments/stripe.server.ts). Its answers are typed with the SDK's own types
// (`Stripe.Account`, `Stripe.AccountLink`, `Stripe.Checkout.Session`, `Stripe.Event`); it records
// every request it got, so a test can assert what was sent (amount, currency, fee, the connected
// account); and it builds webhook deliveries signed the SDK's way (`generateTestHeaderString`).
// It knows only what these tests need: no payment ever happens here — a test says when a session
// is paid or expired. stripe-mock cannot be installed on these machines (STACK-NOTES).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/** A form body as Stripe's API reads it: `a[b][0][c]=v` → `{ a: { b: [{ c: 'v' }] } }`; every leaf a string. */
export type FormTree = { [key: string]: string | FormTree | FormTree[] | string[] };

export interface RecordedRequest {
  method: string;
  path: string;
  /** The connected account the request acts on (the Stripe-Account header), or null: the platform. */
  stripeAccount: string | null;
  idempotencyKey: string | null;
  params: FormTree;
}

type EventOf<T extends Stripe.Event.Type> = Extract<Stripe.Event, { type: T }>;

export interface StripeTestDouble {
  /** For STRIPE_API_BASE / `stripeClient({ apiBase })`. */
  url: string;
  secretKey: string;
  requests: RecordedRequest[];
  /** The requests to one path (`POST /v1/checkout/sessions`). */
  requestsTo(method: string, path: string): RecordedRequest[];
  accounts: Map<string, Stripe.Account>;
  sessions: Map<string, Stripe.Checkout.Session>;
  /** A connected account that already completed onboarding (or not). */
  addAccount(options?: { chargesEnabled?: boolean }): Stripe.Account;
  setChargesEnabled(accountId: string, enabled: boolean): Stripe.Account;
  /** The buyer paid: the session is complete and paid. */
  pay(sessionId: string): Stripe.Checkout.Session;
  /** Nobody paid in time: the session expired. */
  expire(sessionId: string): Stripe.Checkout.Session;
  close(): Promise<void>;
}

const SECRET_KEY = 'sk_test_opentex_double';
const now = () => Math.floor(Date.now() / 1000);

export function parseForm(body: string): FormTree {
  const out: FormTree = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.split(/\]\[|\[|\]/).filter((p) => p !== '');
    let node: Record<string, unknown> = out;
    path.forEach((part, i) => {
      if (i === path.length - 1) node[part] = value;
      else node = (node[part] ??= /^\d+$/.test(path[i + 1]!) ? [] : {}) as Record<string, unknown>;
    });
  }
  return out;
}

const str = (tree: FormTree | undefined, key: string): string | null => {
  const v = tree?.[key];
  return typeof v === 'string' ? v : null;
};
const sub = (tree: FormTree | undefined, key: string): FormTree | undefined => {
  const v = tree?.[key];
  return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
};
const metadataOf = (tree: FormTree | undefined): Stripe.Metadata => Object.fromEntries(Object.entries(tree ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'));

function newAccount(id: string, params: FormTree, chargesEnabled: boolean): Stripe.Account {
  return {
    id,
    object: 'account',
    type: 'express',
    charges_enabled: chargesEnabled,
    details_submitted: chargesEnabled,
    payouts_enabled: chargesEnabled,
    email: str(params, 'email'),
    country: str(params, 'country') ?? 'US',
    created: now(),
    metadata: metadataOf(sub(params, 'metadata')),
  };
}

function newSession(id: string, params: FormTree, account: string): Stripe.Checkout.Session {
  const item = (params.line_items as FormTree[] | undefined)?.[0];
  const price = sub(item, 'price_data');
  const amount = Number(str(price, 'unit_amount')) * Number(str(item, 'quantity') ?? '1');
  return {
    id,
    object: 'checkout.session',
    adaptive_pricing: null,
    after_expiration: null,
    allow_promotion_codes: null,
    allowed_payment_method_types: null,
    amount_subtotal: amount,
    amount_total: amount,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: str(params, 'cancel_url'),
    client_reference_id: str(params, 'client_reference_id'),
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: now(),
    currency: str(price, 'currency'),
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: null,
    customer_account: null,
    customer_creation: 'if_required',
    customer_details: null,
    customer_email: null,
    discounts: [],
    expires_at: now() + 86_400,
    integration_identifier: null,
    invoice: null,
    invoice_creation: null,
    livemode: false,
    locale: (str(params, 'locale') as Stripe.Checkout.Session.Locale | null) ?? null,
    managed_payments: null,
    metadata: metadataOf(sub(params, 'metadata')),
    mode: (str(params, 'mode') as Stripe.Checkout.Session.Mode | null) ?? 'payment',
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: 'if_required',
    payment_method_configuration_details: null,
    payment_method_options: null,
    payment_method_types: ['card'],
    payment_status: 'unpaid',
    permissions: null,
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: 'open',
    submit_type: null,
    subscription: null,
    success_url: str(params, 'success_url'),
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: 'hosted',
    url: `https://checkout.stripe.com/c/pay/${id}#test-double-${account}`,
    wallet_options: null,
  };
}

/** Stripe's error body, which the SDK turns into its typed errors. */
function stripeError(res: http.ServerResponse, status: number, type: string, message: string, code?: string) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify({ error: { type, message, ...(code ? { code } : {}) } }));
}

export async function startStripeTestDouble(): Promise<StripeTestDouble> {
  const requests: RecordedRequest[] = [];
  const accounts = new Map<string, Stripe.Account>();
  const sessions = new Map<string, Stripe.Checkout.Session>();
  /** Which connected account each session lives on; a session is found only with its account's header, as on Stripe. */
  const sessionAccount = new Map<string, string>();
  /** Idempotency: the same key gives the same answer, as Stripe's does for 24 hours. */
  const idempotent = new Map<string, unknown>();
  let seq = 0;
  const nextId = (prefix: string) => `${prefix}_test_${String(++seq).padStart(6, '0')}${Math.random().toString(36).slice(2, 8)}`;

  const route = (req: RecordedRequest, res: http.ServerResponse): unknown => {
    const { method, path, params, stripeAccount } = req;
    if (method === 'POST' && path === '/v1/accounts') {
      const account = newAccount(nextId('acct'), params, false);
      accounts.set(account.id, account);
      return account;
    }
    let m = /^\/v1\/accounts\/([^/]+)$/.exec(path);
    if (method === 'GET' && m) {
      const account = accounts.get(decodeURIComponent(m[1]!));
      return account ?? stripeError(res, 404, 'invalid_request_error', `No such account: '${m[1]}'`, 'resource_missing');
    }
    if (method === 'POST' && path === '/v1/account_links') {
      const account = str(params, 'account') ?? '';
      if (!accounts.has(account)) return stripeError(res, 400, 'invalid_request_error', `No such account: '${account}'`, 'resource_missing');
      const link: Stripe.AccountLink = { object: 'account_link', created: now(), expires_at: now() + 300, url: `https://connect.stripe.com/setup/e/${account}/${nextId('link')}` };
      return link;
    }
    if (method === 'POST' && path === '/v1/checkout/sessions') {
      if (!stripeAccount || !accounts.has(stripeAccount)) return stripeError(res, 400, 'invalid_request_error', 'This test double only makes direct charges: send Stripe-Account');
      if (!accounts.get(stripeAccount)!.charges_enabled) return stripeError(res, 400, 'invalid_request_error', 'The account cannot make charges', 'account_invalid');
      const session = newSession(nextId('cs'), params, stripeAccount);
      sessions.set(session.id, session);
      sessionAccount.set(session.id, stripeAccount);
      return session;
    }
    m = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
    if (method === 'GET' && m) {
      const id = decodeURIComponent(m[1]!);
      const session = sessions.get(id);
      if (!session || sessionAccount.get(id) !== stripeAccount) return stripeError(res, 404, 'invalid_request_error', `No such checkout.session: '${id}'`, 'resource_missing');
      return session;
    }
    return stripeError(res, 404, 'invalid_request_error', `Unrecognized request URL (${method}: ${path}) — not answered by this test double`);
  };

  const server = http.createServer((request, res) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://double');
      const body = Buffer.concat(chunks).toString('utf8');
      const recorded: RecordedRequest = {
        method: request.method ?? 'GET',
        path: url.pathname,
        stripeAccount: request.headers['stripe-account']?.toString() ?? null,
        idempotencyKey: request.headers['idempotency-key']?.toString() ?? null,
        params: parseForm(request.method === 'GET' ? url.search.slice(1) : body),
      };
      requests.push(recorded);
      res.setHeader('Request-Id', `req_${nextId('double')}`);
      if (request.headers.authorization !== `Bearer ${SECRET_KEY}`) return stripeError(res, 401, 'invalid_request_error', 'Invalid API Key provided');
      const key = recorded.idempotencyKey && `${recorded.stripeAccount} ${recorded.idempotencyKey}`;
      const answer = key && idempotent.has(key) ? idempotent.get(key) : route(recorded, res);
      if (res.writableEnded) return;
      if (key) idempotent.set(key, answer);
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const session = (id: string) => {
    const s = sessions.get(id);
    if (!s) throw new Error(`test double: no session ${id}`);
    return s;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    secretKey: SECRET_KEY,
    requests,
    requestsTo: (method, path) => requests.filter((r) => r.method === method && r.path === path),
    accounts,
    sessions,
    addAccount(options = {}) {
      const account = newAccount(nextId('acct'), {}, options.chargesEnabled ?? true);
      accounts.set(account.id, account);
      return account;
    },
    setChargesEnabled(accountId, enabled) {
      const account = accounts.get(accountId);
      if (!account) throw new Error(`test double: no account ${accountId}`);
      Object.assign(account, { charges_enabled: enabled, details_submitted: enabled, payouts_enabled: enabled });
      return account;
    },
    pay(id) {
      return Object.assign(session(id), { status: 'complete', payment_status: 'paid', payment_intent: `pi_test_${id.slice(3)}`, url: null } satisfies Partial<Stripe.Checkout.Session>);
    },
    expire(id) {
      return Object.assign(session(id), { status: 'expired', url: null } satisfies Partial<Stripe.Checkout.Session>);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let eventSeq = 0;

/** An event as Stripe sends it to a Connect endpoint (`account`: the connected account it happened on). */
export function stripeEvent<T extends Stripe.Event.Type>(
  type: T,
  object: EventOf<T>['data']['object'],
  options: { id?: string; account?: string; created?: number } = {},
): EventOf<T> {
  const base = {
    id: options.id ?? `evt_test_${String(++eventSeq).padStart(6, '0')}${Math.random().toString(36).slice(2, 8)}`,
    object: 'event' as const,
    ...(options.account ? { account: options.account } : {}),
    api_version: Stripe.API_VERSION,
    created: options.created ?? now(),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
  };
  // The one cast: TypeScript cannot pair a generic `type` with its own `data.object`; callers can.
  return { ...base, type, data: { object } } as unknown as EventOf<T>;
}

/** A webhook delivery as Stripe makes it: the JSON body and its Stripe-Signature header. */
export function signedDelivery(event: Stripe.Event, secret: string): { payload: string; signature: string } {
  const payload = JSON.stringify(event);
  return { payload, signature: Stripe.webhooks.generateTestHeaderString({ payload, secret }) };
}
