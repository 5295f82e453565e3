// `npm start`: the whole market on one machine.
import { createServer, type RequestListener } from 'node:http';
import { readConfig } from '../config.server.js';
import { createHttpApp } from './http-server.js';
import { watchLaunchers } from './launcher.js';
import { listen } from './ports.js';
import { onStopSignal } from './signals.js';
import { startMarket, type Market } from './runtime.js';

const log = (m: string) => console.log(`[opentex] ${m}`);

async function main() {
  const config = readConfig();
  // The HTTP port is taken first, so that a taken port is reported before anything starts.
  let handle: RequestListener = (_request, response) => {
    response.writeHead(503, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Retry-After': '5',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
      'X-Frame-Options': 'DENY',
    });
    response.end('OpenTEX is starting.\n');
  };
  const server = createServer((request, response) => handle(request, response));
  await listen(server, config.port, config.host, 'PORT');

  let starting: Promise<Market> | null = null;
  let stopping = false;
  const shutdown = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    log(`${reason}: stopping…`);
    server.close();
    server.closeAllConnections();
    // A signal during start-up waits for the start to finish (or fail), then stops what started.
    const market = await starting?.catch(() => null);
    await market?.stop();
    log('Stopped.');
    process.exit(0);
  };
  onStopSignal((signal) => void shutdown(signal));
  watchLaunchers((launcher) => void shutdown(`The ${launcher} that started OpenTEX is gone`));

  starting = startMarket(config, { log });
  const market = await starting;
  try {
    handle = await createHttpApp(market.context, 'build/index.js', { trustProxy: config.trustProxy });
  } catch (error) {
    if (!stopping) await market.stop();
    throw error;
  }
  if (stopping) return;
  log(`OpenTEX is running at http://localhost:${config.port} (pid ${process.pid})`);
}

main().catch((error: unknown) => {
  console.error(`[opentex] Could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
