/**
 * Value formats other than names, as `k8s.io/apimachinery/pkg/util/validation` (v0.34) checks them: port
 * numbers and IANA service names, environment variable names, percentages, HTTP header names, IPs and CIDRs.
 */
import { type FieldError, field } from '../fieldErrors';
import { emptyError, inclusiveRangeError, maxLenError, regexError } from './names';

/** `IsValidPortNum`: 1-65535. */
export function isValidPortNum(port: number): string[] {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

/** `IsValidPortName`: an IANA_SVC_NAME (at most 15 characters, a-z0-9 and '-', at least one letter). */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (port.length > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

/**
 * `IsRelaxedEnvVarName`. RelaxedEnvironmentVariableValidation is on by default since 1.32 (GA in 1.34), so the
 * apiserver accepts any printable ASCII name without '='.
 */
export function isRelaxedEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (value.length === 0) errs.push(`environment variable name ${emptyError}`);
  for (const ch of value) {
    const c = ch.codePointAt(0) ?? 0;
    if (c > 0x7e || c < 0x20 || ch === '=') {
      errs.push("a valid environment variable name must consist only of printable ASCII characters other than '='");
      break;
    }
  }
  return errs;
}

/** `IsValidPercent` */
export function isValidPercent(percent: string): string[] {
  return /^[0-9]+%$/.test(percent) ? [] : [regexError("a valid percent string must be a numeric string followed by an ending '%'", '[0-9]+%', '1%', '93%')];
}

/** `IsHTTPHeaderName` */
export function isHTTPHeaderName(value: string): string[] {
  return /^[-A-Za-z0-9]+$/.test(value)
    ? []
    : [regexError("a valid HTTP header must consist of alphanumeric characters or '-'", '[-A-Za-z0-9]+', 'X-Header-Name')];
}

/** A parsed address: family and canonical text (Go's `net.IP.String()`). */
export interface ParsedIP {
  family: 'IPv4' | 'IPv6';
  canonical: string;
  /** True when a strict parser (netip) would reject it: leading zeros in an IPv4 octet. */
  leadingZeros: boolean;
  bytes: number[];
}

/**
 * Dotted quad: exactly four parts of one to three ASCII digits, each at most 255. One pass over the
 * characters (no split, no regular expression): every Endpoints and EndpointSlice address and pod IP is
 * validated on its way into the store.
 */
function parseIPv4(s: string): ParsedIP | undefined {
  const bytes: number[] = [];
  let leadingZeros = false;
  let value = 0;
  let digits = 0;
  let firstDigit = 0;
  for (let i = 0; i <= s.length; i++) {
    // the end of the text closes the last part like a dot
    const c = i < s.length ? s.charCodeAt(i) : 46;
    if (c === 46) {
      if (digits === 0 || value > 255 || bytes.length === 4) return undefined;
      if (digits > 1 && firstDigit === 48) leadingZeros = true;
      bytes.push(value);
      value = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits === 3) return undefined;
      if (digits === 0) firstDigit = c;
      value = value * 10 + (c - 48);
      digits++;
    } else {
      return undefined;
    }
  }
  if (bytes.length !== 4) return undefined;
  return { family: 'IPv4', canonical: bytes.join('.'), leadingZeros, bytes };
}

function parseIPv6(s: string): ParsedIP | undefined {
  if (!s.includes(':') || s.includes(':::')) return undefined;
  let head = s;
  let tailV4: number[] = [];
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    const v4 = parseIPv4(s.slice(lastColon + 1));
    if (!v4) return undefined;
    tailV4 = v4.bytes;
    head = `${s.slice(0, lastColon + 1)}0:0`;
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const group = (g: string) => (g === '' ? [] : g.split(':'));
  const left = group(halves[0]);
  const right = halves.length === 2 ? group(halves[1]) : [];
  const missing = 8 - left.length - right.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...left, ...Array(halves.length === 2 ? missing : 0).fill('0'), ...right];
  const words: number[] = [];
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    words.push(Number.parseInt(g, 16));
  }
  if (tailV4.length) {
    words[6] = tailV4[0] * 256 + tailV4[1];
    words[7] = tailV4[2] * 256 + tailV4[3];
  }
  const bytes = words.flatMap((w) => [w >> 8, w & 255]);
  return { family: 'IPv6', canonical: canonicalIPv6(words), leadingZeros: false, bytes };
}

/** RFC 5952 text: lower case, longest run (length >= 2) of zero groups compressed to "::". */
function canonicalIPv6(words: number[]): string {
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = words.map((w) => w.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

/** `netutils.ParseIPSloppy`: IPv4 (leading zeros tolerated) or IPv6. */
export function parseIP(value: string): ParsedIP | undefined {
  return value.includes(':') ? parseIPv6(value) : parseIPv4(value);
}

/** `IsValidIP(fldPath, value)`: a strict, canonical IP. */
export function validateIP(path: string, value: string): FieldError[] {
  const ip = parseIP(value);
  if (!ip) return [field.invalid(path, value, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)')];
  if (ip.leadingZeros) return [field.invalid(path, value, 'must not have leading 0s')];
  if (value !== ip.canonical) return [field.invalid(path, value, `must be in canonical form ("${ip.canonical}")`)];
  return [];
}

/** `IsValidCIDR(fldPath, value)`: a strict, canonical CIDR with no host bits set. */
export function validateCIDR(path: string, value: string): FieldError[] {
  const slash = value.indexOf('/');
  const ip = slash > 0 ? parseIP(value.slice(0, slash)) : undefined;
  const bitsText = slash > 0 ? value.slice(slash + 1) : '';
  const maxBits = ip?.family === 'IPv6' ? 128 : 32;
  const bits = /^\d{1,3}$/.test(bitsText) ? Number(bitsText) : Number.NaN;
  if (!ip || Number.isNaN(bits) || bits > maxBits) {
    return [field.invalid(path, value, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)')];
  }
  if (ip.leadingZeros || (bitsText.length > 1 && bitsText.startsWith('0'))) {
    return [field.invalid(path, value, 'must not have leading 0s in IP or prefix length')];
  }
  const masked = ip.bytes.map((b, i) => {
    const keep = Math.max(0, Math.min(8, bits - i * 8));
    return b & ((0xff << (8 - keep)) & 0xff);
  });
  if (masked.some((b, i) => b !== ip.bytes[i])) return [field.invalid(path, value, 'must not have bits set beyond the prefix length')];
  const base = parseIP(ip.family === 'IPv4' ? masked.join('.') : wordsText(masked));
  const canonical = `${base?.canonical ?? ip.canonical}/${bits}`;
  if (value !== canonical) return [field.invalid(path, value, `must be in canonical form ("${canonical}")`)];
  return [];
}

function wordsText(bytes: number[]): string {
  const words: string[] = [];
  for (let i = 0; i < 16; i += 2) words.push(((bytes[i] << 8) | bytes[i + 1]).toString(16));
  return words.join(':');
}
