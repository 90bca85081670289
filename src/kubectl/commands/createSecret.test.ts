/**
 * `kubectl create secret generic|tls|docker-registry` against kubernetes/kubectl v0.34.0
 * pkg/cmd/create/create_secret.go, create_secret_tls.go and create_secret_docker.go: the objects built (the
 * `--append-hash` names are the ones create_secret_test.go and create_secret_docker_test.go expect for the same
 * input), Validate's and the sources' error texts (create_secret_test.go's expectErr strings, pkg/util/util.go,
 * pkg/cmd/util/env_file.go), `failed to create secret <err>`, the printed `secret/NAME created`, and the
 * `--save-config` annotation (pkg/util/apply.go GetModifiedConfiguration with the typed JSON encoder).
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine';
import { decodeBase64Text } from '../../shared/goBase64';
import { splitCommandLine } from '../commandLine';
import { runKubectl } from '../kubectl';
import { renderResult } from '../transcript';

const block = (type: string) => `-----BEGIN ${type}-----\nTUlJQg==\n-----END ${type}-----\n`;

const files: Record<string, string> = {
  foo1: 'hello world',
  'keys/id_rsa.pub': 'ssh-ed25519 AAAA',
  // create_secret_test.go writes its env files with CRLF line ends
  'file.env': 'key1=value1\r\n#\r\n\r\nkey2=value2\r\n',
  'space.env': '   key1=  value1\r\n',
  'bad.env': 'key@=value1\r\n',
  // a byte-order mark on the first line, LF line ends, a key with no '=' (its value from kubectl's environment)
  'more.env': '\uFEFFkey3=value3\n  # indented comment\nFROM_ENV\nkey4="quoted" \n',
  'tls.crt': block('CERTIFICATE'),
  'tls.key': block('RSA PRIVATE KEY'),
  'config.json': '{"auths":{"registry.example.com":{"auth":"dTpw"}}}',
};

function session() {
  const cluster = createCluster({ seed: 7 });
  const k = (line: string) => renderResult(line, runKubectl({ cluster, readFile: (p) => files[p] }, splitCommandLine(line))).split('\n').slice(1).join('\n');
  const data = (name: string) => {
    const r = cluster.get('Secret', 'default', name);
    if (!r.ok) throw new Error(r.status.message);
    return { type: r.value.type, data: Object.fromEntries(Object.entries(r.value.data ?? {}).map(([key, v]) => [key, decodeBase64Text(v)])) };
  };
  return { cluster, k, data };
}

describe('create secret generic', () => {
  it('creates an Opaque secret from literals and files and prints secret/NAME created', () => {
    const { k, data } = session();
    expect(k('create secret generic db --from-literal=user=admin --from-literal=pass=a=b --from-file=foo1 --from-file=ssh=keys/id_rsa.pub')).toBe('secret/db created\n');
    expect(data('db')).toEqual({ type: 'Opaque', data: { user: 'admin', pass: 'a=b', foo1: 'hello world', ssh: 'ssh-ed25519 AAAA' } });
    expect(k('get secret db')).toBe('NAME   TYPE     DATA   AGE\ndb     Opaque   4      0s\n');
  });

  it('prints the built object with --dry-run=client -o yaml: data base64, no type unless --type, namespace only with -n', () => {
    const { k } = session();
    expect(k('create secret generic db --from-literal=user=admin --from-file=foo1 --dry-run=client -o yaml')).toBe(
      'apiVersion: v1\ndata:\n  foo1: aGVsbG8gd29ybGQ=\n  user: YWRtaW4=\nkind: Secret\nmetadata:\n  name: db\n',
    );
    expect(k('create secret generic db -n prod --type=example.com/x --dry-run=client -o yaml')).toBe('apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  namespace: prod\ntype: example.com/x\n');
  });

  it.each([
    ['', 'foo-949tdgdkgg'],
    ['--type=my-type', 'foo-dg474f9t76'],
    ['--from-literal=key1=value1 --from-literal=key2=value2', 'foo-tf72c228m4'],
    ['--from-literal=key1==value1', 'foo-fdcc8tkhh5'],
    ['--from-file=foo1 --from-file=foo2=foo1', 'foo-hbkh2cdb57'],
  ])('names the secret NAME-HASH with --append-hash %s', (flags, name) => {
    expect(session().k(`create secret generic foo ${flags} --append-hash --dry-run=client -o name`)).toBe(`secret/${name} created (dry run)\n`);
  });

  it('reads env files: comments and blank lines skipped, CRLF dropped, values kept as written', () => {
    const { k, data } = session();
    expect(k('create secret generic valid_env --from-env-file=file.env --append-hash --dry-run=client -o name')).toBe('secret/valid_env-bkb2m2965h created (dry run)\n');
    expect(k('create secret generic valid_with_space --from-env-file=space.env --append-hash --dry-run=client -o name')).toBe('secret/valid_with_space-bhkb4gfck6 created (dry run)\n');
    k('create secret generic two --from-env-file=file.env,more.env');
    // the simulated kubectl has no environment of its own: FROM_ENV is empty
    expect(data('two').data).toEqual({ key1: 'value1', key2: 'value2', key3: 'value3', FROM_ENV: '', key4: '"quoted" ' });
    expect(k('create secret generic dup --from-env-file=file.env --from-env-file=space.env')).toBe('2> error: cannot add key key1, another key by that name already exists\n[exit 1]\n');
  });

  it.each([
    ['--from-file=key1=/file=2', "key names or file paths cannot contain '='"],
    ['--from-file==key=/file1', "key names or file paths cannot contain '='"],
    ['--from-file=key1==file1', "key names or file paths cannot contain '='"],
    ['--from-file==foo1', 'key name for file path foo1 missing'],
    ['--from-file=key=', 'file path for key name key missing'],
    ['--from-literal==key=value1', 'invalid literal source =key=value1, expected key=value'],
    ['--from-literal=key1value1', 'invalid literal source key1value1, expected key=value'],
    [
      '--from-literal=key#1=value1',
      `"key#1" is not valid key name for a Secret a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
    ],
    ['--from-literal=key1=value1 --from-literal=key1=value2', 'cannot add key key1, another key by that name already exists'],
    ['--from-literal=foo1=x --from-file=foo1', 'cannot add key foo1, another key by that name already exists'],
    ['--from-file=key1=/file1', 'error reading /file1: no such file or directory'],
    ['--from-env-file=missing.env', 'error reading missing.env: no such file or directory'],
    [
      '--from-env-file=bad.env',
      `"key@" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')`,
    ],
    ['--from-file=key1=/file1 --from-env-file=foo', 'from-env-file cannot be combined with from-file or from-literal'],
    ['--from-literal=key1=value1 --from-env-file=foo', 'from-env-file cannot be combined with from-file or from-literal'],
  ])('fails on %s', (flags, message) => {
    expect(session().k(`create secret generic foo ${flags}`)).toBe(`2> error: ${message}\n[exit 1]\n`);
  });

  it('needs exactly one non-empty NAME', () => {
    const { k } = session();
    expect(k('create secret generic')).toBe("2> error: exactly one NAME is required, got 0\n2> See 'kubectl create secret generic -h' for help and examples\n[exit 1]\n");
    expect(k('create secret generic ""')).toBe('2> error: name must be specified\n[exit 1]\n');
  });

  it("wraps the server's error without a colon, as create_secret.go does", () => {
    const { k } = session();
    k('create secret generic db');
    expect(k('create secret generic db')).toBe('2> error: failed to create secret secrets "db" already exists\n[exit 1]\n');
    expect(k('create secret generic t --type=kubernetes.io/tls')).toBe('2> error: failed to create secret Secret "t" is invalid: [data[tls.crt]: Required value, data[tls.key]: Required value]\n[exit 1]\n');
  });

  it('asks the server for a dry run with --dry-run=server and stores nothing', () => {
    const { k, cluster } = session();
    expect(k('create secret generic db --from-literal=a=b --dry-run=server')).toBe('secret/db created (server dry run)\n');
    expect(cluster.get('Secret', 'default', 'db').ok).toBe(false);
  });

  it('records the typed object as last-applied with --save-config: kind before apiVersion, no empty fields, a newline', () => {
    const { k, cluster } = session();
    k('create secret generic db --from-literal=user=admin --save-config');
    const r = cluster.get('Secret', 'default', 'db');
    if (!r.ok) throw new Error(r.status.message);
    expect(r.value.metadata?.annotations).toEqual({ 'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"Secret","apiVersion":"v1","metadata":{"name":"db"},"data":{"user":"YWRtaW4="}}\n' });
    expect(k('create secret generic e -n kube-system --type=x --save-config --dry-run=client -o jsonpath={.metadata.annotations}')).toBe(
      '{"kubectl.kubernetes.io/last-applied-configuration":"{\\"kind\\":\\"Secret\\",\\"apiVersion\\":\\"v1\\",\\"metadata\\":{\\"name\\":\\"e\\",\\"namespace\\":\\"kube-system\\"},\\"type\\":\\"x\\"}\\n"}\n%\n',
    );
  });
});

describe('create secret tls', () => {
  it('stores tls.crt and tls.key as a kubernetes.io/tls secret', () => {
    const { k, data } = session();
    expect(k('create secret tls web-tls --cert=tls.crt --key=tls.key')).toBe('secret/web-tls created\n');
    expect(data('web-tls')).toEqual({ type: 'kubernetes.io/tls', data: { 'tls.crt': files['tls.crt'], 'tls.key': files['tls.key'] } });
  });

  it('needs both files, readable, and PEM blocks of the right types', () => {
    const { k } = session();
    expect(k('create secret tls x --cert=tls.crt')).toBe('2> error: key and cert must be specified\n[exit 1]\n');
    expect(k('create secret tls x --cert=nope.crt --key=tls.key')).toBe('2> error: Cannot read file nope.crt, open nope.crt: no such file or directory\n[exit 1]\n');
    expect(k('create secret tls x --cert=tls.key --key=tls.crt')).toBe(
      '2> error: tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched\n[exit 1]\n',
    );
    expect(k('create secret tls x --cert=tls.crt --key=foo1')).toBe('2> error: tls: failed to find any PEM data in key input\n[exit 1]\n');
  });
});

describe('create secret docker-registry', () => {
  it('builds .dockerconfigjson as json.Marshal writes DockerConfigJSON, auth = base64(user:password)', () => {
    const { k, data } = session();
    k('create secret docker-registry regcred --docker-server=registry.example.com --docker-username=u --docker-password=p<&>');
    expect(data('regcred')).toEqual({
      type: 'kubernetes.io/dockerconfigjson',
      data: { '.dockerconfigjson': '{"auths":{"registry.example.com":{"username":"u","password":"p\\u003c\\u0026\\u003e","auth":"dTpwPCY+"}}}' },
    });
  });

  it('defaults the server to Docker Hub and gets the same name for --append-hash as create_secret_docker_test.go', () => {
    const { k } = session();
    const line = 'create secret docker-registry foo --docker-username=test-user --docker-password=test-password --docker-email=test-user@example.org --append-hash --dry-run=client -o name';
    expect(k(line)).toBe('secret/foo-548cm7fgdh created (dry run)\n');
  });

  it('takes --from-file as the .dockerconfigjson unless it names a key, and needs credentials otherwise', () => {
    const { k, data } = session();
    k('create secret docker-registry hub --from-file=config.json');
    expect(data('hub').data).toEqual({ '.dockerconfigjson': files['config.json'] });
    expect(k('create secret docker-registry x --docker-username=u')).toBe(
      '2> error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required\n[exit 1]\n',
    );
    expect(k('create secret docker-registry y --from-file=foo1')).toBe(
      `2> error: failed to create secret Secret "y" is invalid: data[.dockerconfigjson]: Invalid value: "<secret contents redacted>": invalid character 'h' looking for beginning of value\n[exit 1]\n`,
    );
  });
});

describe('create secret', () => {
  it("is not part of `get all` (Secrets are in no discovery category; 'all' names workloads and Services)", () => {
    const { k } = session();
    k('create secret generic db --from-literal=a=b');
    expect(k('get all')).not.toContain('secret');
  });

  it('lists its subcommands when run alone, as DefaultSubCommandRun does', () => {
    const out = session().k('create secret');
    expect(out).toContain('2>   docker-registry       Create a secret for use with a Docker registry\n2>   generic               Create a secret from a local file, directory, or literal value\n2>   tls                   Create a TLS secret\n');
    expect(out.endsWith('[exit 1]\n')).toBe(true);
  });
});
