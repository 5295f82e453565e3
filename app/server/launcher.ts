// `npm start` runs npm → sh → tsx → node. Killing npm or tsx with SIGKILL leaves the node
// below them serving on, out of the operator's reach, holding the port the next start wants.
// So the server watches the launchers above it and stops cleanly when one of them is gone.
import path from 'node:path';
import { commandLine, identify, isRunning, parentPid, type ProcessIdentity } from './processes.js';

interface Launcher {
  name: string;
  process: ProcessIdentity;
}

/** npm (its title is "npm start", "npm exec …"), npx, tsx, and a shell that runs one of them. */
function launcherName(argv: string[]): string | null {
  const [first = '', ...rest] = argv;
  const base = path.basename(first);
  if (base === 'npm' || base === 'npx' || first.startsWith('npm ')) return 'npm';
  if (argv.slice(0, 3).some((a) => path.basename(a) === 'tsx' || a.endsWith('/tsx/dist/cli.mjs'))) return 'tsx';
  if ((base === 'sh' || base === 'bash' || base === 'dash') && rest[0] === '-c' && /\b(tsx|npm)\b/.test(rest[1] ?? '')) return 'sh';
  return null;
}

function findLaunchers(): Launcher[] {
  const found: Launcher[] = [];
  let pid = process.ppid;
  while (pid > 1 && found.length < 6) {
    const name = launcherName(commandLine(pid));
    const id = identify(pid);
    if (!name || !id) break;
    found.push({ name, process: id });
    pid = parentPid(pid) ?? 0;
  }
  return found;
}

/**
 * Calls `onGone` once when a launcher above this process dies. Returns a function that stops
 * watching. Does nothing where processes cannot be inspected (no /proc) or when there is no
 * launcher (the process was started directly).
 */
export function watchLaunchers(onGone: (description: string) => void, intervalMs = 1000): () => void {
  const launchers = findLaunchers();
  if (launchers.length === 0) return () => {};
  const timer = setInterval(() => {
    const gone = launchers.find((l) => !isRunning(l.process));
    if (!gone) return;
    clearInterval(timer);
    onGone(`${gone.name} (pid ${gone.process.pid})`);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
