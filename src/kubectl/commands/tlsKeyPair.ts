/**
 * The check `kubectl create secret tls` makes of its --cert and --key files before it builds the Secret:
 * Go's `tls.X509KeyPair(cert, key)` (crypto/tls/tls.go, Go 1.24 as kubectl v0.34.0 is built with), whose error
 * kubectl prints as is. The PEM level is reproduced exactly: the blocks `encoding/pem` Decode finds (a block
 * whose body is not base64, or whose END line does not match, is skipped as Decode skips it), at least one
 * `CERTIFICATE` block in the certificate input, and a block whose type ends in `PRIVATE KEY` in the key input,
 * with each of X509KeyPair's messages for what it found instead.
 *
 * Not checked, because it needs X.509 and key parsing: that the first certificate block is a DER certificate
 * (x509.ParseCertificate's `x509: malformed certificate`…), that the key block parses as PKCS #1, PKCS #8 or SEC 1
 * (`tls: failed to parse private key`), and that the key matches the certificate's public key
 * (`tls: private key does not match public key`, `tls: private key type does not match public key type`).
 * A well-formed PEM pair that fails those passes here.
 */
import { decodeBase64 } from '../../shared/goBase64';

/** One PEM block: its type (from `-----BEGIN TYPE-----`); the body is only checked to be base64. */
interface PemBlock {
  type: string;
}

/** `getLine`: up to the first `\n` (a `\r` before it dropped), trailing spaces and tabs trimmed, and the rest. */
function getLine(data: string): [line: string, rest: string] {
  const nl = data.indexOf('\n');
  let end = nl < 0 ? data.length : nl;
  const next = nl < 0 ? data.length : nl + 1;
  if (nl > 0 && data[nl - 1] === '\r') end--;
  return [data.slice(0, end).replace(/[ \t]+$/, ''), data.slice(next)];
}

const pemStart = '\n-----BEGIN ';
const pemEnd = '\n-----END ';
const dashes = '-----';

/** `pem.Decode`: the next block and what follows it, or undefined when no (valid) block is left. */
export function decodePem(data: string): { block: PemBlock; rest: string } | undefined {
  let rest = data;
  for (;;) {
    if (rest.startsWith(pemStart.slice(1))) rest = rest.slice(pemStart.length - 1);
    else {
      const at = rest.indexOf(pemStart);
      if (at < 0) return undefined;
      rest = rest.slice(at + pemStart.length);
    }
    let typeLine: string;
    [typeLine, rest] = getLine(rest);
    if (!typeLine.endsWith(dashes)) continue;
    typeLine = typeLine.slice(0, -dashes.length);

    // headers: `Key: value` lines up to the first line without a colon
    let headers = 0;
    for (;;) {
      if (rest.length === 0) return undefined;
      const [line, next] = getLine(rest);
      if (!line.includes(':')) break;
      headers++;
      rest = next;
    }

    // without headers the END line may follow at once, with no newline before it
    let endIndex: number;
    let endTrailerIndex: number;
    if (headers === 0 && rest.startsWith(pemEnd.slice(1))) {
      endIndex = 0;
      endTrailerIndex = pemEnd.length - 1;
    } else {
      endIndex = rest.indexOf(pemEnd);
      endTrailerIndex = endIndex + pemEnd.length;
    }
    if (endIndex < 0) continue;

    // the END line repeats the type, then five dashes and nothing but white space
    const trailerLength = typeLine.length + dashes.length;
    const endTrailer = rest.slice(endTrailerIndex);
    if (endTrailer.length < trailerLength) continue;
    const trailer = endTrailer.slice(0, trailerLength);
    if (!trailer.startsWith(typeLine) || !trailer.endsWith(dashes)) continue;
    if (getLine(endTrailer.slice(trailerLength))[0].length !== 0) continue;

    // the body: base64 once spaces and tabs are removed (the decoder itself skips newlines)
    if (!decodeBase64(rest.slice(0, endIndex).replace(/[ \t]/g, '')).ok) continue;
    return { block: { type: typeLine }, rest: getLine(rest.slice(endIndex + pemEnd.length - 1))[1] };
  }
}

/** The types of every block pem.Decode finds, in order. */
function blockTypes(data: string): string[] {
  const types: string[] = [];
  for (let r = decodePem(data); r; r = decodePem(r.rest)) types.push(r.block.type);
  return types;
}

/** Go's `%v` of a []string: `[A B]`. */
const goList = (items: readonly string[]) => `[${items.join(' ')}]`;

/** `tls.X509KeyPair`'s error for the PEM inputs, or undefined when they pass the PEM-level checks. */
export function x509KeyPairError(certPem: string, keyPem: string): string | undefined {
  const certTypes = blockTypes(certPem);
  if (!certTypes.includes('CERTIFICATE')) {
    if (certTypes.length === 0) return 'tls: failed to find any PEM data in certificate input';
    if (certTypes.length === 1 && certTypes[0].endsWith('PRIVATE KEY')) {
      return 'tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched';
    }
    return `tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: ${goList(certTypes)}`;
  }
  // the key input is read up to its first private key block
  const skipped: string[] = [];
  for (let r = decodePem(keyPem); ; r = decodePem(r.rest)) {
    if (!r) {
      if (skipped.length === 0) return 'tls: failed to find any PEM data in key input';
      if (skipped.length === 1 && skipped[0] === 'CERTIFICATE') return 'tls: found a certificate rather than a key in the PEM for the private key';
      return `tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: ${goList(skipped)}`;
    }
    if (r.block.type === 'PRIVATE KEY' || r.block.type.endsWith(' PRIVATE KEY')) return undefined;
    skipped.push(r.block.type);
  }
}
