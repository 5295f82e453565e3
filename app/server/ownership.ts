// Who runs the embedded servers of a data directory: one process (the owner) starts,
// supervises and stops them, and says so in DATA_DIR/embedded.lock; other processes beside
// a live owner (`npm run reindex` next to `npm start`) share them. A lock whose owner has died
// is stale: its servers are orphans that the next owner stops before starting its own.
import { closeSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { identify, isRunning, type ProcessIdentity } from './processes.js';

export interface ServerRecord {
  port: number;
  /** The server's process while one runs. */
  process: ProcessIdentity | null;
}

export interface OwnershipRecord {
  owner: ProcessIdentity;
  /** `starting` and `stopping` tell a newcomer to wait: the servers are not ready to share. */
  state: 'starting' | 'running' | 'stopping';
  postgres: ServerRecord | null;
  meilisearch: ServerRecord | null;
}

export function lockPath(dataDir: string): string {
  return path.join(dataDir, 'embedded.lock');
}

export type LockReading =
  | { kind: 'none' }
  | { kind: 'unreadable' }
  | { kind: 'live'; record: OwnershipRecord }
  | { kind: 'stale'; record: OwnershipRecord };

export function readLock(file: string): LockReading {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    throw error;
  }
  let record: OwnershipRecord;
  try {
    record = JSON.parse(text) as OwnershipRecord;
  } catch {
    // Being written right now (created, not yet filled), or damaged.
    return { kind: 'unreadable' };
  }
  if (typeof record?.owner?.pid !== 'number') return { kind: 'unreadable' };
  return isRunning(record.owner) ? { kind: 'live', record } : { kind: 'stale', record };
}

/** Creates the lock if there is none; false if another process holds one (live or stale). */
export function createLock(file: string, record: OwnershipRecord): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(record, null, 2));
  } finally {
    closeSync(fd);
  }
  return true;
}

/** The owner rewrites its lock (new pids, new state) in one step: readers never see half. */
export function rewriteLock(file: string, record: OwnershipRecord): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(record, null, 2));
  renameSync(temp, file);
}

export function removeLock(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Removes a stale lock, unless another newcomer replaced it in the meantime: the file is moved
 * aside (one atomic step, so only one newcomer gets it) and put back if it is no longer the one
 * that was found stale.
 */
export function removeStaleLock(file: string, stale: OwnershipRecord): void {
  const aside = `${file}.stale.${process.pid}`;
  try {
    renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const reading = readLock(aside);
  const same = reading.kind === 'stale' && reading.record.owner.pid === stale.owner.pid && reading.record.owner.startTicks === stale.owner.startTicks;
  if (same || reading.kind === 'unreadable') removeLock(aside);
  else renameSync(aside, file);
}

export function self(): ProcessIdentity {
  return identify(process.pid) ?? { pid: process.pid, startTicks: null };
}
