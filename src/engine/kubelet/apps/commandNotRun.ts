/**
 * What a container's shell says of a command it cannot run, the same in a script a container runs and at a
 * pod's shell prompt: a command the image lacks is not found (status 127) in the shell's own words, and one
 * the image has but svcsim does not model says so instead of pretending it is missing.
 */

/** The shell a `sh -c` runs in: busybox's ash, or on GNU images dash as /bin/sh and bash. */
export type Shell = 'busybox' | 'dash' | 'bash';

export function shellFor(bin: string, coreutils: 'busybox' | 'gnu' | 'none' | undefined): Shell | undefined {
  const base = bin.split('/').pop() ?? bin;
  if (coreutils === 'busybox') return base === 'sh' || base === 'ash' ? 'busybox' : undefined;
  if (coreutils === 'gnu') return base === 'sh' || base === 'dash' ? 'dash' : base === 'bash' ? 'bash' : undefined;
  return undefined;
}

/**
 * What the shell says of a command it cannot find (exit status 127): busybox ash (shell/ash.c), dash (with the
 * number of the line it read: 1 for `-c`, counting up in an interactive shell) and bash (`line N` for a script,
 * its own base name alone when interactive: bash error.c get_name_for_error) word it differently.
 */
function notFound(inShell: InShell, name: string): string {
  const { shell, argv0, interactive, line } = inShell;
  if (shell === 'busybox') return `${argv0.split('/').pop()}: ${name}: not found\n`;
  if (shell === 'dash') return `${argv0}: ${line}: ${name}: not found\n`;
  return interactive ? `${argv0.split('/').pop()}: ${name}: command not found\n` : `${argv0}: line ${line}: ${name}: command not found\n`;
}

/** Commands both busybox and Debian images have, which svcsim does not model. */
const unmodelledEverywhere = new Set([
  ...['ls', 'cd', 'id', 'uname', 'date', 'df', 'du', 'mkdir', 'cp', 'mv', 'ln', 'chmod', 'chown', 'stat'],
  ...['head', 'tail', 'grep', 'sed', 'sort', 'uniq', 'wc', 'cut', 'tr', 'find', 'xargs', 'kill', 'tee', 'printf', 'seq'],
  ...['export', 'set', 'unset', 'read', 'mount', 'basename', 'dirname', 'readlink', 'which', 'whoami'],
]);
/** …and those only busybox images have (a Debian slim image has no ps, ip or ping: there they are not found). */
const unmodelledBusybox = new Set(['ps', 'top', 'ip', 'ifconfig', 'netstat', 'route', 'arp', 'ping', 'nc', 'traceroute', 'telnet', 'vi', 'free', 'uptime', 'awk', 'less', 'more', 'nproc']);

function unmodelled(coreutils: 'busybox' | 'gnu' | 'none' | undefined, name: string): boolean {
  if (coreutils === 'busybox') return unmodelledEverywhere.has(name) || unmodelledBusybox.has(name);
  return coreutils === 'gnu' && unmodelledEverywhere.has(name);
}

/** The shell running a command: which one, as what it was started (`sh`, `/bin/bash`), and whether it reads a terminal. */
export interface InShell {
  shell: Shell;
  argv0: string;
  interactive: boolean;
  /** The number of the line the shell read the command from. */
  line: number;
}

/**
 * What the shell `inShell` prints, and the status it ends with, for `command`, which svcsim could not run; undefined
 * outside a shell for a command the image may lack (the runtime's own error, kubectl exec's to word).
 */
export function commandNotRun(coreutils: 'busybox' | 'gnu' | 'none' | undefined, inShell: InShell | undefined, command: readonly string[]): { text: string; exitCode: number } | undefined {
  const [bin = ''] = command;
  const base = bin.split('/').pop() ?? bin;
  if (unmodelled(coreutils, base)) {
    // a command svcsim models in part (`date` and `date +%s`, not `date -d yesterday`; `ls` of a ConfigMap volume) names
    // the form it does not
    const what = base === 'date' || base === 'seq' || base === 'ls' ? [base, ...command.slice(1)].join(' ') : base;
    return {
      text: `svcsim: ${what} is not simulated; a container here runs env, printenv, hostname, pwd, cat, echo, seq, date, test, sleep, exit, ls of its ConfigMap and Secret volumes, for and while loops, and the DNS and HTTP tools of its image (nslookup, wget, curl, …)\n`,
      exitCode: 127,
    };
  }
  return inShell ? { text: notFound(inShell, bin), exitCode: 127 } : undefined;
}
