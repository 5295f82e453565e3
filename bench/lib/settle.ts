// Between runs: when autocannon stops, requests it left in flight are still being served. Remix
// aborts a request whose client has gone but the loader runs on (a fallback search is eight SQL
// queries), so the next run would pay for them. We wait until PostgreSQL has been quiet a while.
import pg from 'pg';

export async function waitForQuietDatabase(
  databaseUrl: string,
  options: { quietMs?: number; timeoutMs?: number } = {},
): Promise<void> {
  const quietMs = options.quietMs ?? 300;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  // Its own connection: the app's pool may be busy with exactly the queries we wait for.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    let quietSince = Date.now();
    while (Date.now() < deadline) {
      const { rows } = await client.query<{ n: string }>(
        `select count(*) as n from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and state <> 'idle'`,
      );
      if (Number(rows[0]?.n ?? 0) > 0) quietSince = Date.now();
      else if (Date.now() - quietSince >= quietMs) return;
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    await client.end();
  }
}
