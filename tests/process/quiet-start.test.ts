// A start with the demo data, as `npm start` runs on a fresh machine, prints the market's own
// lines and nothing from Node: no MaxListenersExceededWarning (meilisearch-js's task polling),
// no deprecation, nothing an operator would take for a fault.
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, newInstance, run } from './harness.js';

afterAll(cleanUp, 60_000);

describe('a first start with the demo data', () => {
  it('prints no warning from Node or a library', async () => {
    const instance = await newInstance();
    instance.env.SEED_DEMO_DATA = 'true';
    const server = run(instance);
    await server.waitFor(/OpenTEX is running/, 240_000);
    const output = server.output();
    expect(output).toMatch(/Seeded \d+ demo deals/);
    const foreign = output.split('\n').filter((line) => /Warning|\(node:\d+\)|deprecat/i.test(line));
    expect(foreign).toEqual([]);
    server.child.kill('SIGTERM');
    await server.exited;
  }, 300_000);
});
