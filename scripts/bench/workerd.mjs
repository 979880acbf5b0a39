// The workerd processes behind a `wrangler dev`, and their memory, read from /proc.
import { readdirSync, readFileSync } from "node:fs";

/** Every workerd process below `pid` (wrangler runs a proxy and the runtime itself). */
export function workerdPids(pid) {
  const parents = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the parenthesised command name: state, ppid, ...
      const [, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parents.set(Number(entry), {
        ppid: Number(ppid),
        command: stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")),
      });
    } catch {}
  }
  const below = (candidate) => {
    for (let current = parents.get(candidate)?.ppid; current; current = parents.get(current)?.ppid) {
      if (current === pid) return true;
    }
    return false;
  };
  return [...parents].filter(([child, { command }]) => command === "workerd" && below(child)).map(([child]) => child);
}

/**
 * wrangler dev runs two workerd processes: a proxy that owns the public port, and the runtime
 * that runs the Worker and its local D1 (the one started with an inspector address).
 */
export function workerdRoles(pid) {
  const pids = workerdPids(pid);
  const command = (candidate) => {
    try {
      return readFileSync(`/proc/${candidate}/cmdline`, "utf8");
    } catch {
      return "";
    }
  };
  const runtime = pids.find((candidate) => command(candidate).includes("--inspector-addr"));
  const proxy = pids.find((candidate) => candidate !== runtime);
  if (!runtime || !proxy) throw new Error(`expected two workerd processes under ${pid}, found ${pids.join(", ")}`);
  return { runtime, proxy };
}

/** Resident memory in bytes: all of it, and the anonymous part (heaps, not mapped files). */
export function memoryOf(pids) {
  let rss = 0;
  let anon = 0;
  for (const pid of pids) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      rss += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      anon += Number(/RssAnon:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    } catch {}
  }
  return { rss, anon };
}
