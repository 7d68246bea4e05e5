/**
 * Spawning the real CLI for the crash, signal and concurrency checks, and
 * finding a process's descendants through /proc (to tell whether a writer
 * outlived the `npm run` that started it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * How the CLI is started: ROBUST_CLI (a command line, split on spaces) or
 * `node --import tsx scripts/preprocess.ts`, run from the repository root.
 */
export function cliCommand(): { cmd: string; args: string[] } {
  const line = process.env.ROBUST_CLI ?? 'node --import tsx scripts/preprocess.ts';
  const [cmd, ...args] = line.trim().split(/\s+/);
  return { cmd: cmd === 'node' ? process.execPath : cmd, args };
}

export interface Finished {
  exit: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface Running {
  child: ChildProcess;
  pid: number;
  /** When the process itself exits (its children may still hold the pipes open). */
  exited: Promise<{ exit: number | null; signal: NodeJS.Signals | null }>;
  /** When it has exited and every holder of its stdout/stderr has closed them. */
  done: Promise<Finished>;
  /** Resolves when a stderr line matches `re` (never, if the run ends first). */
  waitForLine(re: RegExp): Promise<void>;
}

/** Starts `cmd args` in its own process group (so a kill reaches every process it spawned). */
export function start(cmd: string, args: string[], options: { stdin?: Buffer; cwd?: string } = {}): Running {
  const t0 = performance.now();
  const child = spawn(cmd, args, { cwd: options.cwd ?? ROOT, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const watchers: { re: RegExp; resolve: () => void }[] = [];
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString('utf8');
    for (let i = watchers.length - 1; i >= 0; i--) {
      if (watchers[i].re.test(stderr)) {
        watchers[i].resolve();
        watchers.splice(i, 1);
      }
    }
  });
  child.stdin!.on('error', () => undefined); // a child that exits early closes the pipe
  if (options.stdin) child.stdin!.end(options.stdin);
  else child.stdin!.end();
  const done = new Promise<Finished>((res) => {
    child.on('close', (exit, signal) => res({ exit, signal, stdout, stderr, ms: performance.now() - t0 }));
  });
  const exited = new Promise<{ exit: number | null; signal: NodeJS.Signals | null }>((res) => {
    child.on('exit', (exit, signal) => res({ exit, signal }));
  });
  return {
    child,
    pid: child.pid!,
    exited,
    done,
    waitForLine: (re) =>
      new Promise<void>((res) => {
        if (re.test(stderr)) res();
        else watchers.push({ re, resolve: res });
      }),
  };
}

export function startCli(argv: string[], options: { stdin?: Buffer } = {}): Running {
  const { cmd, args } = cliCommand();
  return start(cmd, [...args, ...argv], options);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface ProcInfo {
  pid: number;
  ppid: number;
  state: string;
  startTime: string;
}

function procInfo(pid: number): ProcInfo | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may itself hold spaces or parentheses.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid, state: rest[0], ppid: Number(rest[1]), startTime: rest[19] };
  } catch {
    return null;
  }
}

export interface ProcessId {
  pid: number;
  startTime: string;
  cmdline: string;
}

/** Every live descendant of `root` (children, grandchildren, ...). */
export function descendants(root: number): ProcessId[] {
  if (!existsSync('/proc')) return [];
  const all = readdirSync('/proc').filter((n) => /^\d+$/.test(n)).map(Number).map(procInfo).filter((p): p is ProcInfo => p !== null);
  const children = new Map<number, ProcInfo[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const out: ProcessId[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const c of children.get(queue.shift()!) ?? []) {
      if (c.state === 'Z') continue;
      let cmdline = '';
      try {
        cmdline = readFileSync(`/proc/${c.pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      } catch {
        continue;
      }
      out.push({ pid: c.pid, startTime: c.startTime, cmdline });
      queue.push(c.pid);
    }
  }
  return out;
}

/** Still running, and still the same process (not a reused pid). */
export function alive(p: ProcessId): boolean {
  const info = procInfo(p.pid);
  return info !== null && info.state !== 'Z' && info.startTime === p.startTime;
}
