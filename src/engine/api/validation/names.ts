/**
 * Name formats and their error texts, as `k8s.io/apimachinery/pkg/util/validation` (v0.34) words them.
 * Each check returns a list of messages (empty when valid), like the Go `Is...` functions; callers turn
 * them into `Invalid value` field errors.
 */

/** `RegexError`: the examples are joined with " or " after a trailing `', '`, hence the double space. */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  let out = `${msg} (e.g. `;
  examples.forEach((ex, i) => {
    if (i > 0) out += ' or ';
    out += `'${ex}', `;
  });
  return `${out}regex used for validation is '${fmt}')`;
}

/** v0.34 says "characters" (later releases say "bytes"). */
export function maxLenError(length: number): string {
  return `must be no more than ${length} characters`;
}

/** `EmptyError` */
export const emptyError = 'must be non-empty';

/** `InclusiveRangeError` */
export function inclusiveRangeError(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`;
}

const dns1123LabelFmt = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const dns1123LabelErrMsg =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const dns1123SubdomainFmt = `${dns1123LabelFmt}(\\.${dns1123LabelFmt})*`;
const dns1123SubdomainErrMsg =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const dns1035LabelFmt = '[a-z]([-a-z0-9]*[a-z0-9])?';
const dns1035LabelErrMsg =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";

const dns1035LabelRe = new RegExp(`^${dns1035LabelFmt}$`);

/** Go measures strings in bytes; names are ASCII when valid, so UTF-8 length is what matters for the limit. */
const encoder = new TextEncoder();
/** UTF-8 length, as Go's len(string); ASCII (nearly every name) needs no encoding. */
export function byteLength(s: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range check
  return /^[\x00-\x7f]*$/.test(s) ? s.length : encoder.encode(s).length;
}

/** `IsDNS1123Label` */
export function isDNS1123Label(value: string): string[] {
  return checkDNS1123Label(value);
}

function checkDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(maxLenError(63));
  // a label is a subdomain without dots
  if (value.includes('.') || !isSubdomainText(value)) {
    // A valid subdomain that is not a valid label can only be failing on its dots.
    if (isSubdomainText(value)) errs.push('must not contain dots');
    else errs.push(regexError(dns1123LabelErrMsg, dns1123LabelFmt, 'my-name', '123-abc'));
  }
  return errs;
}

/** `IsDNS1123Subdomain` */
export function isDNS1123Subdomain(value: string): string[] {
  return checkDNS1123Subdomain(value);
}

function checkDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 253) errs.push(maxLenError(253));
  if (!isSubdomainText(value)) errs.push(regexError(dns1123SubdomainErrMsg, dns1123SubdomainFmt, 'example.com'));
  return errs;
}

const isLowerAlnum = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/**
 * `^${dns1123SubdomainFmt}$` as a loop: dot-separated labels of a-z, 0-9 and '-', each starting and
 * ending with a letter or digit. Every pod name is new, so this runs once per pod create.
 */
function isSubdomainText(value: string): boolean {
  if (value.length === 0) return false;
  let start = 0;
  for (let i = 0; i <= value.length; i++) {
    const c = i < value.length ? value.charCodeAt(i) : 46;
    if (c === 46) {
      if (i === start || !isLowerAlnum(value.charCodeAt(start)) || !isLowerAlnum(value.charCodeAt(i - 1))) return false;
      start = i + 1;
    } else if (!isLowerAlnum(c) && c !== 45) {
      return false;
    }
  }
  return true;
}

const dns1123LabelFmtWithUnderscore = '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?';
const dns1123SubdomainFmtWithUnderscore = `${dns1123LabelFmtWithUnderscore}(\\.${dns1123LabelFmtWithUnderscore})*`;
const dns1123SubdomainWithUnderscoreRe = new RegExp(`^${dns1123SubdomainFmtWithUnderscore}$`);

/** `IsDNS1123SubdomainWithUnderscore`: DNS search domains (RelaxedDNSSearchValidation, on in 1.34). */
export function isDNS1123SubdomainWithUnderscore(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 253) errs.push(maxLenError(253));
  if (!dns1123SubdomainWithUnderscoreRe.test(value)) {
    errs.push(
      regexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character",
        dns1123SubdomainFmtWithUnderscore,
        'example.com',
      ),
    );
  }
  return errs;
}

/** `IsDNS1035Label` */
export function isDNS1035Label(value: string): string[] {
  return checkDNS1035Label(value);
}

function checkDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(maxLenError(63));
  if (!dns1035LabelRe.test(value)) errs.push(regexError(dns1035LabelErrMsg, dns1035LabelFmt, 'my-name', 'abc-123'));
  return errs;
}

/** A name validator as `ValidateNameFunc`: `prefix` is true for a generateName (trailing dash allowed). */
export type NameValidator = (name: string, prefix: boolean) => string[];

/**
 * `maskTrailingDash`: a generateName may end in '-' since a suffix follows. Go drops the last two bytes
 * and appends "a" (one byte shorter than the input); kept as is since lengths in messages depend on it.
 */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

/** `NameIsDNSSubdomain`: Pods, Nodes, Deployments, ReplicaSets, Endpoints, EndpointSlices. */
export const nameIsDNSSubdomain: NameValidator = (name, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);
/** `NameIsDNSLabel`: Namespaces. */
export const nameIsDNSLabel: NameValidator = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name);
/** `NameIsDNS1035Label`: Services. */
export const nameIsDNS1035Label: NameValidator = (name, prefix) => isDNS1035Label(prefix ? maskTrailingDash(name) : name);

const qnameCharFmt = '[A-Za-z0-9]';
const qnameExtCharFmt = '[-A-Za-z0-9_.]';
const qualifiedNameFmt = `(${qnameCharFmt}${qnameExtCharFmt}*)?${qnameCharFmt}`;
const qualifiedNameErrMsg =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const qualifiedNameRe = new RegExp(`^${qualifiedNameFmt}$`);

/** `IsQualifiedName`: label keys, annotation keys (lower-cased first), finalizers, appProtocol. */
export function isQualifiedName(value: string): string[] {
  return checkQualifiedName(value);
}

function checkQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0];
  } else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) errs.push(`prefix part ${emptyError}`);
    else for (const msg of isDNS1123Subdomain(prefix)) errs.push(`prefix part ${msg}`);
  } else {
    return [
      `a qualified name ${regexError(qualifiedNameErrMsg, qualifiedNameFmt, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errs.push(`name part ${emptyError}`);
  else if (byteLength(name) > 63) errs.push(`name part ${maxLenError(63)}`);
  if (!qualifiedNameRe.test(name)) errs.push(`name part ${regexError(qualifiedNameErrMsg, qualifiedNameFmt, 'MyName', 'my.name', '123-abc')}`);
  return errs;
}

const labelValueFmt = `(${qualifiedNameFmt})?`;
const labelValueErrMsg =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const labelValueRe = new RegExp(`^${labelValueFmt}$`);

/** `IsValidLabelValue` */
export function isValidLabelValue(value: string): string[] {
  return checkLabelValue(value);
}

function checkLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(maxLenError(63));
  if (!labelValueRe.test(value)) errs.push(regexError(labelValueErrMsg, labelValueFmt, 'MyValue', 'my_value', '12345'));
  return errs;
}
