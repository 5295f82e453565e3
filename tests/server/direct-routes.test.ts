import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ServerBuild } from '@remix-run/node';
import { describe, expect, it } from 'vitest';
import { DIRECT_ROUTES } from '../../app/server/direct-routes.js';

describe('the read API answered without Remix route matching', () => {
  it('names only resource routes whose loader is in the build, under the root, with no parameters', async () => {
    expect(existsSync('build/index.js'), 'run npm run build first').toBe(true);
    const build = (await import(path.resolve('build/index.js'))) as ServerBuild;
    for (const [urlPath, id] of Object.entries(DIRECT_ROUTES)) {
      const route = build.routes[id];
      expect(route, id).toBeDefined();
      expect(typeof route!.module.loader, id).toBe('function');
      expect(route!.path, id).toBe(urlPath.slice(1));
      expect(route!.parentId, id).toBe('root');
      expect(route!.module.default, `${id} is a page, not a resource route`).toBeUndefined();
      expect(urlPath).not.toMatch(/[$:*]/);
    }
  });
});
