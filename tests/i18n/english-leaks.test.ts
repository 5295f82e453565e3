// No English sentence written in the code can reach a Vietnamese page: people read problem codes
// and catalogue keys rendered in their language (scripts/count-english-leaks.ts says how it counts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countLeaks } from '../../scripts/count-english-leaks.js';

describe('English strings that could reach a page', () => {
  it('are none in app/', () => {
    const leaks = countLeaks(path.resolve('.'));
    expect(leaks.map((l) => `${l.file}:${l.line} [${l.rule}] ${l.text}`)).toEqual([]);
  });

  it('are found where they used to hide', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'leaks-'));
    try {
      mkdirSync(path.join(root, 'app', 'routes'), { recursive: true });
      writeFileSync(
        path.join(root, 'app', 'routes', 'sample.tsx'),
        [
          "throw new ConflictError('This cannot be done while the listing is pending review');",
          "throw new ConflictError('wrong_state', { status: 'draft' });",
          "throw data({ error: 'Unknown action' }, { status: 400 });",
          "throw data({ error: 'unknown_intent', problem: problem('unknown_intent') }, { status: 400 });",
          "const name = z.string().min(2, 'at least 2 characters');",
          "const ok = z.string().min(2, 'too_short');",
          'const page = <p>Something went wrong {t(\'error.500.text\')}</p>;',
          'const brand = <a href="/api/v1/health">API</a>;',
        ].join('\n'),
      );
      expect(countLeaks(root).map((l) => l.rule)).toEqual(['new ConflictError', 'data({ error })', 'zod .min(…, message)', 'JSX text']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
