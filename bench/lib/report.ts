// The figures: one table on the terminal, the same numbers as JSON under bench/results/.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LoadFigures, Percentiles } from './drive.js';
import type { ClientFigures } from './http-clients.js';

export interface TargetFigures {
  /** Under load: autocannon, `connections` at once. */
  load: LoadFigures;
  /** One query at a time on one connection: the service time, without queueing. */
  unloaded: Percentiles;
  /** For the app: CPU of its (main) thread during the load, as a share of one CPU and per request. */
  appCpu?: { share: number; msPerRequest: number };
}

export interface BenchReport {
  date: string;
  machine: {
    cpus: number; cpuModel: string; memoryGiB: number; node: string; platform: string;
    /** 1/5/15-minute load averages before the bench started anything, and at the end. */
    loadAverageAtStart?: number[]; loadAverage: number[];
  };
  config: {
    listings: number; organisations: number; seed: number; queries: number;
    connections: number; durationSeconds: number; sequentialQueries: number; relayBatch: number;
  };
  loading: { insertSeconds: number; indexSeconds: number; queriesWithHits: number };
  results: {
    rawMeilisearch: TargetFigures;
    app: TargetFigures;
    appPostgresFallback: TargetFigures;
    /** One at a time, raw and app requests in turn (the goal's figures when present). */
    inTurn?: { rawMeilisearch: Percentiles; app: Percentiles };
  };
  ratios: {
    appVsRawMeilisearch: { p50: number; p99: number; throughput: number };
    appVsPostgres: { p50: number; p99: number; throughput: number };
  };
  /** Issue 12's goals: app throughput ≥ 1.2 × raw Meilisearch with the same facets; one query at a time, app p50 ≤ raw p50 + 2 ms. */
  targets: { appThroughputAtLeast1_2xRaw: boolean; appAloneP50WithinRawPlus2ms: boolean };
  httpClients: ClientFigures[];
}

const loadAverage = () => os.loadavg().map((n) => Math.round(n * 100) / 100);
const atStart = loadAverage();

/** `atStart`: also give the load average seen when this module was loaded, before any work. */
export function machineInfo(options: { atStart?: boolean } = {}): BenchReport['machine'] {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    // Anything else busy on the machine shows here; the figures are only as quiet as the machine.
    ...(options.atStart ? { loadAverageAtStart: atStart } : {}),
    loadAverage: loadAverage(),
  };
}

export function ratiosAndTargets(results: BenchReport['results']): Pick<BenchReport, 'ratios' | 'targets'> {
  const raw = results.rawMeilisearch.load;
  const app = results.app.load;
  const pg = results.appPostgresFallback.load;
  const r = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : NaN);
  return {
    ratios: {
      appVsRawMeilisearch: { p50: r(app.p50, raw.p50), p99: r(app.p99, raw.p99), throughput: r(app.rps, raw.rps) },
      appVsPostgres: { p50: r(app.p50, pg.p50), p99: r(app.p99, pg.p99), throughput: r(app.rps, pg.rps) },
    },
    targets: { appThroughputAtLeast1_2xRaw: app.rps >= 1.2 * raw.rps, appAloneP50WithinRawPlus2ms: alone(results).app.p50 <= alone(results).raw.p50 + 2 },
  };
}

/** The one-at-a-time figures the goal is judged on: in turn when measured so, else each alone. */
const alone = (results: BenchReport['results']) =>
  results.inTurn ? { raw: results.inTurn.rawMeilisearch, app: results.inTurn.app, how: 'in turn' } : { raw: results.rawMeilisearch.unloaded, app: results.app.unloaded, how: 'alone' };

export function printReport(report: BenchReport): void {
  const { config: c, results, ratios, targets } = report;
  const row = (cells: string[]) => console.log(cells.map((x, i) => (i === 0 ? x.padEnd(28) : x.padStart(9))).join(' '));
  const fig = ({ load: f, unloaded: u }: TargetFigures) => [
    fmt(f.p50), fmt(f.p99), fmt(f.rps), String(f.requests), String(f.non2xx + f.errors + f.timeouts), fmt(u.p50), fmt(u.p99),
  ];
  const ratio = (x: { p50: number; p99: number; throughput: number }) => [`×${fmt(x.p50)}`, `×${fmt(x.p99)}`, `×${fmt(x.throughput)}`];
  console.log('');
  console.log(
    `Search: ${c.listings.toLocaleString('en')} listings, ${c.queries} queries; ${c.connections} connections for ` +
      `${c.durationSeconds} s; alone = ${c.sequentialQueries} queries one at a time. ` +
      `${report.machine.cpus} CPUs, Node ${report.machine.node}, load average ${report.machine.loadAverageAtStart?.join(' ') ?? '?'} ` +
      `before, ${report.machine.loadAverage.join(' ')} after`,
  );
  row(['', 'p50 ms', 'p99 ms', 'req/s', 'requests', 'failed', 'alone p50', 'alone p99']);
  row(['raw Meilisearch (HTTP API)', ...fig(results.rawMeilisearch)]);
  row(['app /api/v1/search', ...fig(results.app)]);
  row(['app, PostgreSQL fallback', ...fig(results.appPostgresFallback)]);
  row(['app / raw Meilisearch', ...ratio(ratios.appVsRawMeilisearch)]);
  row(['app / PostgreSQL fallback', ...ratio(ratios.appVsPostgres)]);
  console.log('');
  console.log(
    `target app throughput ≥ 1.2 × raw Meilisearch (same facets): ${targets.appThroughputAtLeast1_2xRaw ? 'met' : 'MISSED'} ` +
      `(×${fmt(ratios.appVsRawMeilisearch.throughput)})`,
  );
  console.log(
    `target app p50 one at a time ≤ raw + 2 ms: ${targets.appAloneP50WithinRawPlus2ms ? 'met' : 'MISSED'} ` +
      `(${fmt(alone(results).app.p50)} ms vs ${fmt(alone(results).raw.p50)} ms, ${alone(results).how})`,
  );
  for (const [name, f] of [['app', results.app], ['app, PostgreSQL fallback', results.appPostgresFallback]] as const) {
    if (f.appCpu) {
      console.log(
        `${name}: its thread used ${Math.round(f.appCpu.share * 100)} % of a CPU under load, ` +
          `${fmt(f.appCpu.msPerRequest)} ms per request`,
      );
    }
  }
  console.log('');
  console.log('HTTP client to Meilisearch, one query at a time (ms):');
  for (const h of report.httpClients) {
    console.log(
      `  ${h.name.padEnd(42)} p50 ${fmt(h.p50).padStart(6)}  p90 ${fmt(h.p90).padStart(6)}  p99 ${fmt(h.p99).padStart(6)}` +
        `  mean ${fmt(h.mean).padStart(6)}  first ${fmt(h.first).padStart(6)}  (${h.rounds} queries)`,
    );
  }
}

export function writeReport(report: BenchReport): string {
  const dir = path.resolve('bench/results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `search-${report.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return path.relative(process.cwd(), file);
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(n >= 100 ? 0 : n >= 10 ? 1 : 2) : '–');
