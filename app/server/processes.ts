// What we need to know about other processes to clean up after a killed OpenTEX: is a pid
// still the process we recorded (pids are reused), what is it, and how to make it stop.
// Reads Linux's /proc where it can; elsewhere it falls back to signal 0 alone.
import { readdirSync, readFileSync } from 'node:fs';

/** A process as recorded in a file: its pid and, on Linux, when it started (pids are reused). */
export interface ProcessIdentity {
  pid: number;
  /** Start time in clock ticks after boot (field 22 of /proc/PID/stat); null where unknown. */
  startTicks: string | null;
}

interface ProcStat {
  state: string;
  ppid: number;
  startTicks: string;
}

function readStat(pid: number): ProcStat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0] ?? '', ppid: Number(fields[1]), startTicks: fields[19] ?? '' };
}

function signalZeroSays(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const hasProc = (() => {
  try {
    readFileSync('/proc/self/stat');
    return true;
  } catch {
    return false;
  }
})();

/** The identity of a running process, or null if no such process runs. */
export function identify(pid: number): ProcessIdentity | null {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  if (!hasProc) return signalZeroSays(pid) ? { pid, startTicks: null } : null;
  const stat = readStat(pid);
  if (!stat || stat.state === 'Z' || stat.state === 'X') return null;
  return { pid, startTicks: stat.startTicks };
}

/** Whether the recorded process still runs (and is not a later process that got its pid). */
export function isRunning(recorded: ProcessIdentity): boolean {
  const now = identify(recorded.pid);
  if (!now) return false;
  return recorded.startTicks === null || now.startTicks === null || recorded.startTicks === now.startTicks;
}

export function parentPid(pid: number): number | null {
  return readStat(pid)?.ppid ?? null;
}

/** The process's arguments, or [] if it is gone or unreadable. */
export function commandLine(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

/**
 * Sends `signal`, waits up to `graceMs` for the process to go, then sends `forceSignal` and
 * waits again. Resolves true once it is gone, false if it outlived both.
 */
export async function terminate(
  target: ProcessIdentity,
  options: { signal: NodeJS.Signals; forceSignal: NodeJS.Signals; graceMs: number },
): Promise<boolean> {
  if (!isRunning(target)) return true;
  for (const [signal, waitMs] of [
    [options.signal, options.graceMs],
    [options.forceSignal, 10_000],
  ] as const) {
    try {
      process.kill(target.pid, signal);
    } catch {
      return !isRunning(target);
    }
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline) {
      if (!isRunning(target)) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return !isRunning(target);
}

/** The environment a process started with ({} if unreadable: another user's, or gone). */
export function environmentOf(pid: number): Record<string, string> {
  try {
    const entries = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean);
    return Object.fromEntries(entries.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
  } catch {
    return {};
  }
}

/** Every running process's pid ([] without /proc). */
export function allPids(): number[] {
  try {
    return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
  } catch {
    return [];
  }
}
