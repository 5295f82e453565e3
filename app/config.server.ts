// The only module that reads process.env. Everything else receives a Config.
import { z } from 'zod';
import type { StripeSettings } from './payments/stripe.server.js';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  MEILI_HOST: z.string().url().optional(),
  MEILI_MASTER_KEY: z.string().min(16).optional(),
  MEILI_INDEX: z.string().regex(/^[a-zA-Z0-9_-]+$/).default('listings'),
  DATA_DIR: z.string().default('.data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().default(54329),
  EMBEDDED_MEILI_PORT: z.coerce.number().int().default(7701),
  SEED_DEMO_DATA: z.enum(['true', 'false']).default('true'),
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('OpenTEX <no-reply@opentex.local>'),
  DEV_MAILBOX: z.enum(['true', 'false']).default('false'),
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  /** Tests and development only: where the Stripe SDK sends its requests (a local test double). */
  STRIPE_API_BASE: z.string().url().optional(),
  /** The country of the sellers' connected accounts; unset, Stripe takes the platform's. */
  STRIPE_CONNECT_COUNTRY: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as SG or US').optional(),
  /** The platform's fee on a card payment, in basis points of the amount (250 = 2.5 %). */
  PLATFORM_FEE_BPS: z.coerce.number().int().min(0).max(10_000).default(0),
  MATCHING_SWEEP_MINUTES: z.coerce.number().int().min(1).max(60).default(10),
  SEARCH_CHECK_MINUTES: z.coerce.number().int().min(1).max(60).default(15),
  TRUST_PROXY: z
    .string()
    .regex(/^(false|\d+|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/, 'false, the number of proxies in front, or their addresses/subnets separated by commas')
    .refine((v) => v !== 'true', 'not "true": that believes any X-Forwarded-For a client writes, so the per-address limits could be dodged; give the number of proxies or their addresses')
    .default('false'),
});

export interface Config {
  port: number;
  host: string;
  /** Unset: an embedded PostgreSQL is started under dataDir. */
  databaseUrl: string | null;
  /** Unset: an embedded Meilisearch is started under dataDir. */
  meiliHost: string | null;
  meiliMasterKey: string | null;
  meiliIndex: string;
  dataDir: string;
  embeddedPgPort: number;
  embeddedMeiliPort: number;
  seedDemoData: boolean;
  /** Where people reach the market (links in emails); defaults to http://localhost:PORT. */
  publicUrl: string;
  /** SMTP server for email; null prints each email to the server's log instead. */
  smtp: { url: string; from: string } | null;
  /**
   * DEV_MAILBOX=true (without SMTP): /dev/mailbox shows the emails to requests from this machine.
   * Off by default: its reset and invitation links would let anyone take over an account.
   */
  devMailbox: boolean;
  /** Card payments through Stripe Connect; null (no keys): card payment shows as unavailable. */
  stripe: StripeSettings | null;
  /** How often the matching sweep and the search index check run. */
  searchJobs: { matchingSweepMinutes: number; searchCheckMinutes: number };
  /**
   * Which proxies in front of us to believe about the client's address and protocol
   * (X-Forwarded-For/-Proto), as Express's `trust proxy`: false (none, the default), a number
   * of hops, or addresses/subnets such as `loopback, 10.0.0.0/8`; never a blind `true`.
   */
  trustProxy: boolean | number | string[];
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.MEILI_HOST && !e.MEILI_MASTER_KEY) {
    throw new Error('Invalid configuration:\n  MEILI_MASTER_KEY: required when MEILI_HOST is set');
  }
  // A key without the webhook secret would start card payments that nothing could ever confirm.
  if (Boolean(e.STRIPE_SECRET_KEY) !== Boolean(e.STRIPE_WEBHOOK_SECRET)) {
    throw new Error('Invalid configuration:\n  STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET: set both (card payments) or neither (bank transfer only)');
  }
  if (e.DEV_MAILBOX === 'true' && e.SMTP_URL) {
    throw new Error('Invalid configuration:\n  DEV_MAILBOX: only without SMTP_URL (with SMTP, emails are really sent)');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL ?? null,
    meiliHost: e.MEILI_HOST ?? null,
    meiliMasterKey: e.MEILI_MASTER_KEY ?? null,
    meiliIndex: e.MEILI_INDEX,
    dataDir: e.DATA_DIR,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    embeddedMeiliPort: e.EMBEDDED_MEILI_PORT,
    seedDemoData: e.SEED_DEMO_DATA === 'true',
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.MAIL_FROM } : null,
    devMailbox: e.DEV_MAILBOX === 'true',
    stripe:
      e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET
        ? {
            secretKey: e.STRIPE_SECRET_KEY,
            webhookSecret: e.STRIPE_WEBHOOK_SECRET,
            apiBase: e.STRIPE_API_BASE ?? null,
            connectCountry: e.STRIPE_CONNECT_COUNTRY ?? null,
            platformFeeBps: e.PLATFORM_FEE_BPS,
          }
        : null,
    searchJobs: { matchingSweepMinutes: e.MATCHING_SWEEP_MINUTES, searchCheckMinutes: e.SEARCH_CHECK_MINUTES },
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
  };
}

function parseTrustProxy(value: string): boolean | number | string[] {
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((v) => v.trim());
}
