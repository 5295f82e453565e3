// CPU time of this process's main thread (the app's event loop; autocannon runs in a worker),
// read from /proc on Linux. Event-loop utilisation is no measure of CPU here: the loop also
// counts as busy while it polls with a zero timeout.
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | null | undefined;

/** Milliseconds of CPU (user + system) used by the main thread so far, or null off Linux. */
export function mainThreadCpuMs(): number | null {
  try {
    ticksPerSecond ??= Number(execSync('getconf CLK_TCK', { encoding: 'utf8' }).trim()) || 100;
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [utime, stime] = [Number(fields[11]), Number(fields[12])];
    return ((utime + stime) * 1000) / ticksPerSecond;
  } catch {
    ticksPerSecond = null;
    return null;
  }
}
