/**
 * `-f` input (kubernetes/cli-runtime pkg/resource/builder.go FilenameParam): a missing file is "the path … does not
 * exist"; an http(s) argument is a URL, which kubectl GETs — svcsim has no network, so the GET fails with what to
 * do instead, and nothing is created.
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine';
import { runKubectl } from '../kubectl';
import { splitCommandLine } from '../commandLine';
import { renderResult } from '../transcript';

const run = (line: string, files: Record<string, string> = {}) => {
  const cluster = createCluster({ seed: 3 });
  const out = renderResult(line, runKubectl({ cluster, readFile: (p) => files[p] }, splitCommandLine(line.replace(/^kubectl /, ''))));
  return { out: out.split('\n').slice(1).join('\n'), pods: cluster.store.list('Pod', 'default').length };
};

describe('-f input', () => {
  it('says a missing file does not exist', () => {
    expect(run('kubectl apply -f nope.yaml').out).toBe('2> error: the path "nope.yaml" does not exist\n[exit 1]\n');
  });

  it('reads an http(s) argument as a URL, which svcsim cannot fetch', () => {
    const r = run('kubectl apply -f https://k8s.io/examples/admin/dns/dnsutils.yaml', { 'https://k8s.io/examples/admin/dns/dnsutils.yaml': 'kind: Pod' });
    expect(r.out).toBe(
      '2> error: Get "https://k8s.io/examples/admin/dns/dnsutils.yaml": svcsim runs offline and fetches no URL: paste the manifest into the editor and apply it there, or save it and apply the file with svcsim shell\n[exit 1]\n',
    );
    expect(r.pods).toBe(0);
  });
});
