// The lock that says who owns a data directory's embedded servers: a live owner is told from a
// dead one (also when its pid has been reused), and removing a stale lock never removes a newer one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLock, lockPath, readLock, removeStaleLock, self, type OwnershipRecord } from '../../app/server/ownership.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'opentex-lock-'));
  file = lockPath(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function record(owner: OwnershipRecord['owner']): OwnershipRecord {
  return { owner, state: 'running', postgres: { port: 1, process: null }, meilisearch: null };
}

/** The pid of a process that has already exited. */
function deadPid(): number {
  const result = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(result.stdout);
}

describe('the ownership lock', () => {
  it('is taken by one process only', () => {
    expect(createLock(file, record(self()))).toBe(true);
    expect(createLock(file, record(self()))).toBe(false);
    expect(readLock(file)).toEqual({ kind: 'live', record: record(self()) });
  });

  it('is stale when its owner is dead, or when its pid now belongs to another process', () => {
    writeFileSync(file, JSON.stringify(record({ pid: deadPid(), startTicks: '1' })));
    expect(readLock(file).kind).toBe('stale');
    writeFileSync(file, JSON.stringify(record({ pid: process.pid, startTicks: 'not-when-we-started' })));
    expect(readLock(file).kind).toBe('stale');
  });

  it('reads as unreadable while half-written, and as none when absent', () => {
    expect(readLock(file).kind).toBe('none');
    writeFileSync(file, '');
    expect(readLock(file).kind).toBe('unreadable');
  });

  it('removes a stale lock, but puts back a lock that another newcomer wrote in the meantime', () => {
    const dead = record({ pid: deadPid(), startTicks: '1' });
    writeFileSync(file, JSON.stringify(dead));
    removeStaleLock(file, dead);
    expect(existsSync(file)).toBe(false);

    // Another newcomer removed the stale lock and took ownership before we got to it.
    expect(createLock(file, record(self()))).toBe(true);
    removeStaleLock(file, dead);
    expect(readLock(file)).toEqual({ kind: 'live', record: record(self()) });
  });
});
