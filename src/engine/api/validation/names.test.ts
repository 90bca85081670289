import { describe, expect, it } from 'vitest';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue, nameIsDNSSubdomain } from './names';
import { isRelaxedEnvVarName, isValidPortName, isValidPortNum, validateCIDR, validateIP } from './formats';
import { errorBody } from '../fieldErrors';

// Texts from apimachinery v0.34 pkg/util/validation/validation.go (RegexError puts two spaces before "or").
const dns1123Label =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const dns1123Subdomain =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const dns1035Label =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

describe('DNS names', () => {
  it.each([
    ['my-app', []],
    ['My-App', [dns1123Label]],
    ['a.b', ['must not contain dots']],
    ['x'.repeat(64), ['must be no more than 63 characters']],
  ])('IsDNS1123Label(%j)', (value, want) => {
    expect(isDNS1123Label(value)).toEqual(want);
  });

  it.each([
    ['example.com', []],
    ['Example', [dns1123Subdomain]],
    ['-a', [dns1123Subdomain]],
  ])('IsDNS1123Subdomain(%j)', (value, want) => {
    expect(isDNS1123Subdomain(value)).toEqual(want);
  });

  it.each([
    ['my-service', []],
    ['1service', [dns1035Label]],
    ['my.service', [dns1035Label]],
  ])('IsDNS1035Label(%j)', (value, want) => {
    expect(isDNS1035Label(value)).toEqual(want);
  });

  it('a generateName may end in a dash', () => {
    expect(nameIsDNSSubdomain('web-', true)).toEqual([]);
    expect(nameIsDNSSubdomain('web-', false)).toEqual([dns1123Subdomain]);
  });
});

describe('label keys and values (IsQualifiedName, IsValidLabelValue)', () => {
  const namePart =
    "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
  it.each([
    ['app', []],
    ['example.com/app', []],
    ['-app', [namePart]],
    ['/app', ['prefix part must be non-empty']],
    ['example.com/', ['name part must be non-empty', namePart]],
    ['x'.repeat(64), ['name part must be no more than 63 characters']],
  ])('IsQualifiedName(%j)', (value, want) => {
    expect(isQualifiedName(value)).toEqual(want);
  });

  it('a key with two slashes', () => {
    expect(isQualifiedName('a/b/c')).toEqual([
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ]);
  });

  it('label values', () => {
    expect(isValidLabelValue('')).toEqual([]);
    expect(isValidLabelValue('bad value')).toEqual([
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ]);
  });
});

describe('formats', () => {
  it('port numbers and IANA port names (IsValidPortNum, IsValidPortName)', () => {
    expect(isValidPortNum(0)).toEqual(['must be between 1 and 65535, inclusive']);
    expect(isValidPortNum(65536)).toEqual(['must be between 1 and 65535, inclusive']);
    expect(isValidPortName('http')).toEqual([]);
    expect(isValidPortName('HTTP')).toEqual(['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'must contain at least one letter (a-z)']);
    expect(isValidPortName('8080')).toEqual(['must contain at least one letter (a-z)']);
    expect(isValidPortName('a--b')).toEqual(['must not contain consecutive hyphens']);
    expect(isValidPortName('-http')).toEqual(['must not begin or end with a hyphen']);
    expect(isValidPortName('a-very-long-port-name')).toEqual(['must be no more than 15 characters']);
  });

  it('relaxed environment variable names (on by default in 1.34)', () => {
    expect(isRelaxedEnvVarName('1-my.VAR')).toEqual([]);
    expect(isRelaxedEnvVarName('A=B')).toEqual(["a valid environment variable name must consist only of printable ASCII characters other than '='"]);
  });

  it('IPs and CIDRs (apimachinery ip.go)', () => {
    expect(validateIP('spec.clusterIPs[0]', '10.96.0.10')).toEqual([]);
    expect(validateIP('x', 'fd00::1')).toEqual([]);
    expect(validateIP('x', '10.96.0.256').map(errorBody)).toEqual(['Invalid value: "10.96.0.256": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']);
    expect(validateIP('x', '010.96.0.1').map(errorBody)).toEqual(['Invalid value: "010.96.0.1": must not have leading 0s']);
    expect(validateIP('x', 'FD00::1').map(errorBody)).toEqual(['Invalid value: "FD00::1": must be in canonical form ("fd00::1")']);
    expect(validateCIDR('x', '10.244.0.0/24')).toEqual([]);
    expect(validateCIDR('x', '10.244.0.1/24').map(errorBody)).toEqual(['Invalid value: "10.244.0.1/24": must not have bits set beyond the prefix length']);
  });
});
