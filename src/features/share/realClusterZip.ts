/**
 * The files of "Export for a real cluster" as one zip: kind.yaml (for `kind create cluster --config`) and
 * manifests.yaml (for `kubectl apply -f`) cannot be one YAML — kind reads a single Cluster document and kubectl
 * would refuse a kind.x-k8s.io object — and a browser asks before a second download, so both go in one archive
 * (fflate, already the share links' deflate) with a README saying the two commands.
 */
import { strToU8, zipSync } from 'fflate';

export interface RealClusterFiles {
  kindConfig: string;
  manifests: string;
}

export const realClusterReadme = `Reproduce this svcsim cluster on a real one (kind and kubectl installed):

  kind create cluster --config kind.yaml
  kubectl apply -f manifests.yaml

kind.yaml has the simulated nodes, pod and Service subnets, kube-proxy mode and port mappings;
manifests.yaml the objects you made, without the fields the cluster filled in (status, uid, cluster IPs, node names...).
`;

// a fixed date keeps the archive's bytes the same for the same cluster (zip stores a DOS date, from 1980)
const mtime = new Date(Date.UTC(2026, 0, 1));

export function realClusterZip(files: RealClusterFiles): Uint8Array {
  return zipSync(
    {
      'kind.yaml': [strToU8(files.kindConfig), { mtime }],
      'manifests.yaml': [strToU8(files.manifests), { mtime }],
      'README.txt': [strToU8(realClusterReadme), { mtime }],
    },
    { level: 6 },
  );
}
