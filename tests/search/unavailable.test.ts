// Search falls back to PostgreSQL only when the engine does not answer; a fault of ours surfaces.
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { createSearch, isSearchUnavailable } from '../../search/client.js';

async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('isSearchUnavailable', () => {
  it('is true for an engine nobody answers at, false for an error of our own code', async () => {
    const search = createSearch({ host: `http://127.0.0.1:${await deadPort()}`, apiKey: 'k', indexName: 'listings', timeoutMs: 2000 });
    try {
      const error = await search.client.multiSearch({ queries: [{ indexUid: 'listings', q: 'x' }] }).then(() => null, (e: unknown) => e);
      expect(error).not.toBeNull();
      expect(isSearchUnavailable(error)).toBe(true);
    } finally {
      search.close();
    }
    expect(isSearchUnavailable(new TypeError("Cannot read properties of undefined (reading 'hits')"))).toBe(false);
  });
});
