import { readFileSync } from 'node:fs'

/**
 * CPU seconds a process has used so far (user + system, Linux /proc/<pid>/stat; 0 elsewhere). On a
 * shared machine the wall-clock rate depends on everyone else's load; the server's CPU time per
 * request does much less, so the benchmarks print both.
 */
export function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return 0
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // After the command: state is field 3, utime 14 and stime 15 (1-based over the whole line), in clock ticks of 1/100 s.
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return 0
  }
}

/**
 * CPU seconds the whole machine has used so far, on all its cores (Linux /proc/stat: user, nice, system, irq
 * and softirq; not idle, I/O wait, nor time the hypervisor gave to other machines). Beside the server's and the benchmark's own, it shows what the rest (PostgreSQL) took from the same cores.
 */
export function machineCpuSeconds(): number {
  try {
    const [user, nice, system, , , irq, softirq] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number)
    return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0)) / 100
  } catch {
    return 0
  }
}
