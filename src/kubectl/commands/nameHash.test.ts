/**
 * `--append-hash` hashes, pinned to the cases of kubernetes/kubectl v0.34.0 pkg/util/hash/hash_test.go
 * (TestConfigMapHash, TestSecretHash, TestEncodeConfigMap, TestEncodeSecret). Data values here are base64, as
 * the simulated apiserver holds a []byte.
 */
import { describe, expect, it } from 'vitest';
import { configMapHash, encodeConfigMap, encodeHash, encodeSecret, secretHash } from './nameHash';

describe('ConfigMapHash', () => {
  it.each([
    ['empty data', {}, undefined, '42745tchd9'],
    ['one key', { one: '' }, undefined, '9g67k2htb6'],
    ['three keys', { two: '2', one: '', three: '3' }, undefined, 'f5h7t85m9b'],
    ['empty binary data', undefined, {}, 'dk855m5d49'],
    ['one key with binary data', undefined, { one: '' }, 'mk79584b8c'],
    ['three keys with binary data', undefined, { two: 'Mg==', one: '', three: 'Mw==' }, 't458mc6db2'],
    ['two keys with one each', { one: '' }, { two: '' }, '698h7c7t9m'],
  ])('%s', (_, data, binaryData, hash) => {
    expect(configMapHash({ data, binaryData })).toBe(hash);
  });

  it('encodes kind, name and data, with binaryData only when it has keys', () => {
    expect(encodeConfigMap({ data: {} })).toBe('{"data":{},"kind":"ConfigMap","name":""}');
    expect(encodeConfigMap({ binaryData: {} })).toBe('{"data":null,"kind":"ConfigMap","name":""}');
    expect(encodeConfigMap({ binaryData: { two: 'Mg==', one: '', three: 'Mw==' } })).toBe('{"binaryData":{"one":"","three":"Mw==","two":"Mg=="},"data":null,"kind":"ConfigMap","name":""}');
  });
});

describe('SecretHash', () => {
  it.each([
    ['empty data', {}, 't75bgf6ctb'],
    ['one key', { one: '' }, '74bd68bm66'],
    ['three keys', { two: 'Mg==', one: '', three: 'Mw==' }, 'dgcb6h9tmk'],
  ])('%s', (_, data, hash) => {
    expect(secretHash({ type: 'my-type', data })).toBe(hash);
  });

  it('encodes data, kind, name and type in sorted key order', () => {
    expect(encodeSecret({ type: 'my-type', data: { two: 'Mg==', one: '', three: 'Mw==' } })).toBe('{"data":{"one":"","three":"Mw==","two":"Mg=="},"kind":"Secret","name":"","type":"my-type"}');
  });
});

describe('encodeHash', () => {
  it('keeps ten hex characters and maps 0, 1, 3, a and e to g, h, k, m and t', () => {
    expect(encodeHash('0123456789abcdef')).toBe('gh2k456789');
    expect(encodeHash('aaeeaaeeaa00')).toBe('mmttmmttmm');
    expect(() => encodeHash('abc')).toThrow('the hex string must contain at least 10 characters');
  });
});
