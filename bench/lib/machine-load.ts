// How busy the whole machine was during a phase: every process's CPU (ours, PostgreSQL's, and
// anybody else's tests) from /proc/stat, this process's own share, and the 1-minute load average
// sampled each second. Linux only; elsewhere the CPU figures are null.
import { readFileSync } from 'node:fs';
import os from 'node:os';

interface CpuTicks { busy: number; total: number }

function machineTicks(): CpuTicks | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1, 9).map(Number) as number[];
    const idleAll = idle! + iowait!;
    const busy = user! + nice! + system! + irq! + softirq! + steal!;
    return { busy, total: busy + idleAll };
  } catch {
    return null;
  }
}

export interface PhaseLoad {
  seconds: number;
  /** Share of all CPUs busy (1 = every core at 100 %), whoever used them. */
  machineCpuBusy: number | null;
  /** CPUs used by this process (the parties and the app code), in cores. */
  benchProcessCores: number;
  loadAverage1m: { min: number; mean: number; max: number };
}

/** Starts watching; `stop()` gives the figures since. */
export function watchLoad(): { stop(): PhaseLoad } {
  const t0 = performance.now();
  const ticks0 = machineTicks();
  const cpu0 = process.cpuUsage();
  const samples = [os.loadavg()[0]!];
  const timer = setInterval(() => samples.push(os.loadavg()[0]!), 1000);
  return {
    stop() {
      clearInterval(timer);
      samples.push(os.loadavg()[0]!);
      const seconds = (performance.now() - t0) / 1000;
      const ticks1 = machineTicks();
      const cpu = process.cpuUsage(cpu0);
      const r2 = (n: number) => Math.round(n * 100) / 100;
      return {
        seconds: r2(seconds),
        machineCpuBusy: ticks0 && ticks1 && ticks1.total > ticks0.total ? r2((ticks1.busy - ticks0.busy) / (ticks1.total - ticks0.total)) : null,
        benchProcessCores: r2((cpu.user + cpu.system) / 1e6 / seconds),
        loadAverage1m: {
          min: r2(Math.min(...samples)),
          mean: r2(samples.reduce((a, b) => a + b, 0) / samples.length),
          max: r2(Math.max(...samples)),
        },
      };
    },
  };
}
