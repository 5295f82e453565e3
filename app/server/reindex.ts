// `npm run reindex`: rebuild the listings index from PostgreSQL and swap it in, with a progress bar.
// Works beside a running `npm start` (it reuses the embedded servers) or against DATABASE_URL/MEILI_HOST.
import cliProgress from 'cli-progress';
import { reindexListings } from '../../search/reindex.js';
import { readConfig } from '../config.server.js';
import { startMarket } from './runtime.js';
import { onStopSignal } from './signals.js';

async function main() {
  const market = await startMarket(readConfig(), { log: (m) => console.log(`[opentex] ${m}`), jobs: false });
  onStopSignal((signal) => {
    console.log(`[opentex] ${signal}: stopping…`);
    void market.stop().finally(() => process.exit(130));
  });
  const bar = new cliProgress.SingleBar(
    { format: 'Reindexing listings [{bar}] {percentage}% | {value}/{total}', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  try {
    const t0 = performance.now();
    const result = await reindexListings(market.context.db, market.context.search, {
      onProgress: ({ done, total }) => {
        if (!started) {
          bar.start(total, done);
          started = true;
        } else bar.update(done);
      },
    });
    bar.stop();
    console.log(`Indexed ${result.indexed} listings into "${result.indexUid}" in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    if (started) bar.stop();
    await market.stop();
  }
}

main().catch((error) => {
  console.error(`Reindex failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
