// `npm run rematch`: recompute every published listing's matches (after a change of vocabulary
// or weights), with a progress bar. Saved and dismissed matches keep their state.
import cliProgress from 'cli-progress';
import { rematchAll } from '../services/matching.server.js';
import { readConfig } from '../config.server.js';
import { startMarket } from './runtime.js';
import { onStopSignal } from './signals.js';

async function main() {
  const market = await startMarket(readConfig(), { log: (m) => console.log(`[opentex] ${m}`), jobs: false });
  onStopSignal((signal) => {
    console.log(`[opentex] ${signal}: stopping…`);
    void market.stop().finally(() => process.exit(130));
  });
  const bar = new cliProgress.SingleBar({ format: 'Matching [{bar}] {percentage}% | {value}/{total} listings', hideCursor: true }, cliProgress.Presets.shades_classic);
  let started = false;
  try {
    const t0 = performance.now();
    const total = await rematchAll(market.context, (done, all) => {
      if (!started) {
        bar.start(all, done);
        started = true;
      } else bar.update(done);
    });
    bar.stop();
    const seconds = (performance.now() - t0) / 1000;
    console.log(`Matched ${total} listings in ${seconds.toFixed(1)} s (${(total / Math.max(seconds, 0.001)).toFixed(1)} listings/s)`);
  } finally {
    if (started) bar.stop();
    await market.stop();
  }
}

main().catch((error) => {
  console.error(`Rematch failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
