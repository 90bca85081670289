/**
 * dig's command line as BIND 9.18 reads it (bind9 `bin/dig/dig.c` `parse_args`, `dash_option`, `plus_option`,
 * `printgreeting`; `bin/dig/dighost.c` `clone_lookup`). Options before the first name set a default lookup that
 * every name is cloned from; options after a name change only that name's lookup. A bare word is a type if it
 * names one, else a class, else a name — until `-t` or `-c` is seen, after which every bare word is a name. When
 * a type is given twice the later one wins (with a warning), and with no name at all dig asks for the root's NS.
 */
import { reverseName } from '../dnsMessage';
import { bindClassFromText, bindTypeFromText } from './bindTypes';

/** One query dig will send, with the display settings that apply to it. */
export interface DigLookup {
  name: string;
  type: string;
  qclass: string;
  typeSet: boolean;
  classSet: boolean;
  server?: string;
  /** `ANY` and zone transfers go over TCP unless `+notcp` said otherwise. */
  tcp: boolean;
  tcpSet: boolean;
  usec: boolean;
  comments: boolean;
  question: boolean;
  answer: boolean;
  authority: boolean;
  additional: boolean;
  stats: boolean;
  /** The greeting this lookup prints first (only the first lookup has one). */
  cmdline: string;
}

export interface DigCommand {
  lookups: DigLookup[];
  port: number;
  short: boolean;
  printcmd: boolean;
  search: boolean;
  /** What dig wrote to stderr while reading its arguments (`;; Warning, extra type option`). */
  warnings: string[];
}

/** A fatal argument error: what dig prints on stderr and its exit code. */
export interface DigUsageError {
  error: string;
  exitCode: number;
}

const usage =
  'Usage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}\n' +
  '            {global-d-opt} host [@local-server] {local-d-opt}\n' +
  '            [ host [@local-server] {local-d-opt} [...]]\n' +
  '\nUse "dig -h" (or "dig -h | more") for complete list of options\n';

// dash_option: flags that take no value, and the letters that take one
const singleDashOpts = '46dhimnruv';
const dashOpts = '46bcdfhikmnpqrtvyx';

type SectionKey = 'comments' | 'question' | 'answer' | 'authority' | 'additional' | 'stats';
const sectionOptions: readonly SectionKey[] = ['comments', 'question', 'answer', 'authority', 'additional', 'stats'];

function emptyLookup(): DigLookup {
  return {
    name: '',
    type: 'A',
    qclass: 'IN',
    typeSet: false,
    classSet: false,
    tcp: false,
    tcpSet: false,
    usec: false,
    comments: true,
    question: true,
    answer: true,
    authority: true,
    additional: true,
    stats: true,
    cmdline: '',
  };
}

/** Reads dig's arguments into its lookups, or the error that ends it before any query. */
export function parseDigArgs(args: readonly string[], version: string): DigCommand | DigUsageError {
  const cmd: DigCommand = { lookups: [], port: 53, short: false, printcmd: true, search: false, warnings: [] };
  const defaults = emptyLookup();
  let lookup = defaults;
  let needClone = true;
  let openTypeClass = true;
  let serversFound = 0;
  // plusquest/pluscomm: what +question/+comments set on the default lookup, restored for zone transfers
  let plusquest = false;
  let pluscomm = false;

  const greet = (l: DigLookup) => {
    if (cmd.lookups.length > 0 || !cmd.printcmd) return;
    let line = `\n; <<>> DiG ${version} <<>> ${args.join(' ')}\n`;
    if (serversFound) line += `; (${serversFound} server${serversFound > 1 ? 's' : ''} found)\n`;
    line += `;; global options:${cmd.short ? ' +short' : ''}${cmd.printcmd ? ' +cmd' : ''}\n`;
    l.cmdline = line;
  };
  const newLookup = (name: string): DigLookup => {
    const l = needClone ? { ...defaults } : lookup;
    needClone = true;
    l.name = name;
    greet(l);
    cmd.lookups.push(l);
    return l;
  };
  const setType = (l: DigLookup, type: string) => {
    if (l.typeSet) cmd.warnings.push(';; Warning, extra type option');
    l.type = type;
    l.typeSet = true;
    if (type === 'AXFR' || type === 'IXFR') {
      l.question = plusquest;
      l.comments = pluscomm;
    }
    if ((type === 'ANY' || type === 'AXFR' || type === 'IXFR') && !l.tcpSet) l.tcp = true;
  };
  const setClass = (l: DigLookup, qclass: string) => {
    if (l.classSet) cmd.warnings.push(';; Warning, extra class option');
    l.qclass = qclass;
    l.classSet = true;
  };

  const plusOption = (text: string): DigUsageError | undefined => {
    const [word] = text.split('=');
    const lower = word.toLowerCase();
    const on = !lower.startsWith('no');
    const key = on ? lower : lower.slice(2);
    if (key === 'short') {
      cmd.short = on;
      if (on) {
        cmd.printcmd = false;
        Object.assign(lookup, { additional: false, answer: true, authority: false, question: false, comments: false, stats: false });
      }
    } else if (key === 'search' || key === 'defname') cmd.search = on;
    else if (key === 'cmd') cmd.printcmd = on;
    else if (key === 'tcp' || key === 'vc') Object.assign(lookup, { tcp: on, tcpSet: true });
    else if (key === 'all') {
      for (const k of sectionOptions) lookup[k] = on;
      cmd.printcmd = on;
    } else if ((sectionOptions as readonly string[]).includes(key)) {
      lookup[key as SectionKey] = on;
      if (lookup === defaults && key === 'question') plusquest = on;
      if (lookup === defaults && key === 'comments') pluscomm = on;
    } else return { error: `Invalid option: +${text}\n${usage}`, exitCode: 1 };
    return undefined;
  };

  // dash_option: returns how many arguments it used beyond its own, or an error
  const dashOption = (option: string, next: string | undefined): number | DigUsageError => {
    let rest = option;
    while (rest && singleDashOpts.includes(rest[0])) {
      if (rest[0] === 'u') lookup.usec = true;
      if (rest[0] === 'v') return { error: `DiG ${version}\n`, exitCode: 0 };
      if (rest.length === 1) return 0;
      rest = rest.slice(1);
    }
    const letter = rest[0] ?? '';
    const fromNext = rest.length === 1;
    const value = fromNext ? next : rest.slice(1);
    if (!dashOpts.includes(letter) || value === undefined) return { error: `Invalid option: -${rest}\n${usage}`, exitCode: 1 };
    const used = fromNext ? 1 : 0;
    switch (letter) {
      case 't': {
        openTypeClass = false;
        const serial = /^ixfr=/i.test(value);
        const type = serial ? 'IXFR' : bindTypeFromText(value);
        // a bare `ixfr` (or TYPE251) after -t is refused: an incremental transfer needs the serial
        if (type && (type !== 'IXFR' || serial)) setType(lookup, type);
        else cmd.warnings.push(`;; Warning, ignoring invalid type ${value}`);
        return used;
      }
      case 'c': {
        if (lookup.classSet) cmd.warnings.push(';; Warning, extra class option');
        openTypeClass = false;
        const qclass = bindClassFromText(value);
        if (qclass) Object.assign(lookup, { qclass, classSet: true });
        else cmd.warnings.push(`;; Warning, ignoring invalid class ${value}`);
        return used;
      }
      case 'q':
        lookup = newLookup(value);
        return used;
      case 'x': {
        const name = reverseName(value);
        if (!name) return { error: `Invalid IP address ${value}\n`, exitCode: 1 };
        lookup = newLookup(name.slice(0, -1));
        if (!lookup.typeSet) lookup.type = 'PTR';
        if (!lookup.classSet) lookup.qclass = 'IN';
        return used;
      }
      case 'p': {
        const port = /^\d+$/.test(value) ? Number(value) : Number.NaN;
        // fatal(): `dig: ` and the message, exit status 1
        if (!(port <= 65535)) return { error: `dig: Couldn't parse port number\n`, exitCode: 1 };
        cmd.port = port;
        return used;
      }
      default:
        // -b, -f, -k, -y (source address, batch file, TSIG keys): nothing in the simulation to point them at
        return { error: `Invalid option: -${rest}\n${usage}`, exitCode: 1 };
    }
  };

  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('%')) break;
    if (a.startsWith('@')) {
      lookup.server = a.slice(1);
      serversFound = 1;
    } else if (a.startsWith('+')) {
      const err = plusOption(a.slice(1));
      if (err) return err;
    } else if (a.startsWith('-')) {
      const used = dashOption(a.slice(1), args[i + 1]);
      if (typeof used !== 'number') return used;
      i += used;
    } else {
      if (openTypeClass) {
        const serial = /^ixfr=/i.test(a);
        const type = serial ? 'IXFR' : bindTypeFromText(a);
        if (type === 'IXFR' && !serial) {
          cmd.warnings.push(';; Warning, ixfr requires a serial number');
          continue;
        }
        if (type) {
          setType(lookup, type);
          continue;
        }
        const qclass = bindClassFromText(a);
        if (qclass) {
          setClass(lookup, qclass);
          continue;
        }
      }
      lookup = newLookup(a);
    }
  }
  if (!cmd.lookups.length) {
    // parse_args: "If no lookup specified, search for root"
    const root = newLookup('.');
    root.type = 'NS';
    root.typeSet = true;
  }
  return cmd;
}
