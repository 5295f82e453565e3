// `npm start`: the whole market on one machine.
import type { Server } from 'node:http';
import { readConfig } from '../config.server.js';
import { createHttpApp } from './http-server.js';
import { startMarket } from './runtime.js';

const log = (m: string) => console.log(`[opentex] ${m}`);

async function main() {
  const config = readConfig();
  const market = await startMarket(config, { log });
  const app = await createHttpApp(market.context, 'build/index.js', { trustProxy: config.trustProxy });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
  });
  log(`OpenTEX is running at http://localhost:${config.port}`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping…`);
    server.close();
    server.closeAllConnections();
    await market.stop();
    log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  console.error(`[opentex] Could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
