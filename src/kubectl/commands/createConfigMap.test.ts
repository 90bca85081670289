/**
 * `kubectl create configmap` against kubernetes/kubectl v0.34.0 pkg/cmd/create/create_configmap.go: keys from
 * files, literals and env files; the `--append-hash` names create_configmap_test.go expects for the same input;
 * validateNewConfigMap's messages (%q-quoted key and name, errors joined by ","); `failed to create configmap: <err>`.
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine';
import { splitCommandLine } from '../commandLine';
import { runKubectl } from '../kubectl';
import { renderResult } from '../transcript';

const files: Record<string, string> = {
  'conf/app.properties': 'color=blue\nsize=3\n',
  'file.env': 'key1=value1\r\n#\r\n\r\nkey2=value2\r\n',
  'file2.env': 'key3=value3\r\n',
  'space.env': 'key1=  value1\r\n',
};

function session() {
  const cluster = createCluster({ seed: 7 });
  const k = (line: string) => renderResult(line, runKubectl({ cluster, readFile: (p) => files[p] }, splitCommandLine(line))).split('\n').slice(1).join('\n');
  return { cluster, k };
}

describe('create configmap', () => {
  it('keys a file by its base name, or by the key given, and prints configmap/NAME created', () => {
    const { k, cluster } = session();
    expect(k('create configmap app --from-file=conf/app.properties --from-file=game=conf/app.properties --from-literal=mode=fast')).toBe('configmap/app created\n');
    const cm = cluster.get('ConfigMap', 'default', 'app');
    expect(cm.ok && cm.value.data).toEqual({ 'app.properties': 'color=blue\nsize=3\n', game: 'color=blue\nsize=3\n', mode: 'fast' });
    expect(k('get cm app')).toBe('NAME   DATA   AGE\napp    3      0s\n');
  });

  it('prints the object with --dry-run=client -o yaml, and omits an empty data map', () => {
    const { k } = session();
    // --from-literal is a StringArray: a comma stays in the value
    expect(k('create cm app --from-literal=hosts=a,b --from-literal=url=http://x/?a=b --dry-run=client -o yaml')).toBe(
      'apiVersion: v1\ndata:\n  hosts: a,b\n  url: http://x/?a=b\nkind: ConfigMap\nmetadata:\n  name: app\n',
    );
    expect(k('create cm empty -n prod --dry-run=client -o yaml')).toBe('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: empty\n  namespace: prod\n');
  });

  it.each([
    ['foo', '', 'foo-867km9574f'],
    ['foo', '--from-literal=key1=value1 --from-literal=key2=value2', 'foo-gcb75dd9gb'],
    ['foo', '--from-literal=key1==value1', 'foo-bdgk9ttt7m'],
    ['valid_env', '--from-env-file=file.env', 'valid_env-2cgh8552ch'],
    ['two_valid_env', '--from-env-file=file.env --from-env-file=file2.env', 'two_valid_env-2m5tm82522'],
    ['valid_with_space', '--from-env-file=space.env', 'valid_with_space-b4448m7gdm'],
  ])('names %s NAME-HASH with --append-hash %s', (name, flags, hashed) => {
    expect(session().k(`create configmap ${name} ${flags} --append-hash --dry-run=client -o name`)).toBe(`configmap/${hashed} created (dry run)\n`);
  });

  it.each([
    ['--from-file=key1=/file=2', "key names or file paths cannot contain '='"],
    ['--from-file==key=value1', "key names or file paths cannot contain '='"],
    ['--from-literal=key1=value1 --from-literal=key1=value2', 'cannot add key "key1", another key by that name already exists in Data for ConfigMap "foo"'],
    ['--from-file=key1=/file1', 'error reading /file1: no such file or directory'],
    ['--from-literal=key1value1', 'invalid literal source key1value1, expected key=value'],
    ['--from-env-file=file.env --from-literal=a=b', 'from-env-file cannot be combined with from-file or from-literal'],
    [
      '--from-literal=a/b=c',
      `"a/b" is not a valid key name for a ConfigMap: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
    ],
    ['--from-literal=..x=y', `"..x" is not a valid key name for a ConfigMap: must not start with '..'`],
  ])('fails on %s', (flags, message) => {
    expect(session().k(`create configmap foo ${flags}`)).toBe(`2> error: ${message}\n[exit 1]\n`);
  });

  it("wraps the server's error after a colon, as create_configmap.go does", () => {
    const { k } = session();
    k('create cm app');
    expect(k('create cm app')).toBe('2> error: failed to create configmap: configmaps "app" already exists\n[exit 1]\n');
    expect(k('create cm Bad')).toMatch(/^2> error: failed to create configmap: ConfigMap "Bad" is invalid: metadata\.name: Invalid value: "Bad": a lowercase RFC 1123 subdomain/);
  });
});
