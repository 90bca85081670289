/**
 * The PEM-level checks of Go's `tls.X509KeyPair` (crypto/tls/tls.go, Go 1.24 as kubectl v0.34.0 is built with)
 * and the blocks `encoding/pem` Decode finds (encoding/pem/pem.go): the error texts are Go's own, as
 * `kubectl create secret tls` prints them. The blocks' bodies are placeholders: DER is not parsed (tlsKeyPair.ts).
 */
import { describe, expect, it } from 'vitest';
import { decodePem, x509KeyPairError } from './tlsKeyPair';

const block = (type: string, body = 'TUlJQg==') => `-----BEGIN ${type}-----\n${body}\n-----END ${type}-----\n`;
const cert = block('CERTIFICATE');
const key = block('PRIVATE KEY');

describe('pem.Decode', () => {
  it('finds a block at the start or after a newline, and returns what follows its END line', () => {
    expect(decodePem(`junk\n${cert}tail`)).toEqual({ block: { type: 'CERTIFICATE' }, rest: 'tail' });
    expect(decodePem('junk -----BEGIN CERTIFICATE-----\nTUlJQg==\n-----END CERTIFICATE-----\n')).toBeUndefined();
  });

  it('reads headers, CRLF line ends, and an empty body whose END line follows at once', () => {
    expect(decodePem('-----BEGIN RSA PRIVATE KEY-----\r\nProc-Type: 4,ENCRYPTED\r\n\r\nTUlJQg==\r\n-----END RSA PRIVATE KEY-----\r\n')?.block.type).toBe('RSA PRIVATE KEY');
    expect(decodePem('-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n')?.block.type).toBe('CERTIFICATE');
  });

  it('skips a block whose END line names another type or whose body is not base64, and goes on searching', () => {
    expect(decodePem('-----BEGIN CERTIFICATE-----\nTUlJQg==\n-----END KEY-----\n')).toBeUndefined();
    expect(decodePem(`-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n${key}`)?.block.type).toBe('PRIVATE KEY');
    expect(decodePem('-----BEGIN CERTIFICATE-----\nTUlJQg==\n-----END CERTIFICATE----- x\n')).toBeUndefined();
  });
});

describe('tls.X509KeyPair (PEM level)', () => {
  it('accepts a certificate block and a private key block, whatever comes around them', () => {
    expect(x509KeyPairError(cert, key)).toBeUndefined();
    expect(x509KeyPairError(`${block('EC PARAMETERS')}${cert}${cert}`, `${block('EC PARAMETERS')}${block('EC PRIVATE KEY')}`)).toBeUndefined();
  });

  it('names what the certificate input held instead of a certificate', () => {
    expect(x509KeyPairError('not pem', key)).toBe('tls: failed to find any PEM data in certificate input');
    expect(x509KeyPairError(key, cert)).toBe('tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched');
    expect(x509KeyPairError(`${block('FOO')}${block('BAR')}`, key)).toBe('tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [FOO BAR]');
  });

  it('names what the key input held instead of a private key', () => {
    expect(x509KeyPairError(cert, '')).toBe('tls: failed to find any PEM data in key input');
    expect(x509KeyPairError(cert, cert)).toBe('tls: found a certificate rather than a key in the PEM for the private key');
    expect(x509KeyPairError(cert, `${cert}${block('PUBLIC KEY')}`)).toBe(
      'tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: [CERTIFICATE PUBLIC KEY]',
    );
    // "PRIVATE KEY" must be the whole type or its last two words
    expect(x509KeyPairError(cert, block('XPRIVATE KEY'))).toBe('tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: [XPRIVATE KEY]');
  });
});
