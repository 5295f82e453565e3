// Load with autocannon. The load generator runs in a worker thread, so it does not share the
// event loop of the app it measures (the app runs in this process).
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export interface Target {
  name: string;
  url: string;
  requests: autocannon.Request[];
}

export interface LoadFigures {
  /** Latency percentiles in ms (autocannon records whole milliseconds). */
  p50: number;
  p90: number;
  p99: number;
  mean: number;
  /** Mean requests per second over the run. */
  rps: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

const setupClient = path.join(path.dirname(fileURLToPath(import.meta.url)), 'rotate-requests.cjs');

export async function hammer(target: Target, options: { connections: number; duration: number }): Promise<LoadFigures> {
  const result = await autocannon({
    url: target.url,
    requests: target.requests,
    connections: options.connections,
    duration: options.duration,
    workers: 1,
    timeout: 30,
    // A file path in worker mode; the typings only know the function form.
    setupClient: setupClient as unknown as (client: autocannon.Client) => void,
  });
  return {
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    mean: result.latency.mean,
    rps: result.requests.average,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

export function appRequests(paths: readonly string[]): autocannon.Request[] {
  return paths.map((p) => ({ method: 'GET', path: p }));
}

export function meiliRequests(indexName: string, apiKey: string, bodies: readonly string[]): autocannon.Request[] {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` };
  return bodies.map((body) => ({ method: 'POST', path: `/indexes/${indexName}/search`, headers, body }));
}

/**
 * Latency without queueing: the requests one after another on one keep-alive connection,
 * timed with performance.now() (autocannon's histogram only has whole milliseconds).
 */
export async function sequential(url: string, requests: readonly autocannon.Request[], count: number): Promise<Percentiles> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    for (let i = 0; i < 10; i += 1) await sendOne(url, requests[i % requests.length]!, agent); // warm-up
    const times: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const t0 = performance.now();
      await sendOne(url, requests[i % requests.length]!, agent);
      times.push(performance.now() - t0);
    }
    return summarise(times);
  } finally {
    agent.destroy();
  }
}

/** One request, its answer read to the end; anything but 200 is an error. */
function sendOne(url: string, r: autocannon.Request, agent: http.Agent): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const body = typeof r.body === 'string' ? Buffer.from(r.body) : undefined;
    const headers = { ...(r.headers ?? {}), ...(body ? { 'content-length': String(body.length) } : {}) };
    const req = http.request(new URL(r.path ?? '/', url), { method: r.method ?? 'GET', headers, agent }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`${r.path}: ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * One at a time, the targets in turn for each request (raw query i, then the app's query i…), so
 * that both see the same machine: on shared machines a minute apart can differ by 10 %.
 */
export async function interleaved(targets: readonly { url: string; requests: readonly autocannon.Request[] }[], count: number): Promise<Percentiles[]> {
  const agents = targets.map(() => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  try {
    const times = targets.map(() => [] as number[]);
    for (let i = 0; i < count; i += 1) {
      for (const [t, target] of targets.entries()) {
        const start = performance.now();
        await sendOne(target.url, target.requests[i % target.requests.length]!, agents[t]!);
        times[t]!.push(performance.now() - start);
      }
    }
    return times.map(summarise);
  } finally {
    for (const agent of agents) agent.destroy();
  }
}

export interface Percentiles {
  p50: number;
  p90: number;
  p99: number;
  mean: number;
}

export function summarise(times: readonly number[]): Percentiles {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  const round = (n: number) => Math.round(n * 100) / 100;
  return { p50: round(at(50)), p90: round(at(90)), p99: round(at(99)), mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length) };
}
