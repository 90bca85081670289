/**
 * Image references as containerd reports them: `nginx` is stored as `docker.io/library/nginx:latest`, its
 * imageID is `docker.io/library/nginx@sha256:<digest>`. Also the image facts the kubelet needs: default pull
 * policy, size (for the `Pulled` event), and which images a kind node image ships preloaded.
 */
import { flatConcat } from '../shared';
import { hexFromString } from './hexIds';

export interface ImageRef {
  /** Registry host, `docker.io` when the reference names none. */
  domain: string;
  /** Repository path inside the registry (`library/nginx`, `kuar-demo/kuard-amd64`). */
  path: string;
  tag?: string;
  digest?: string;
}

/** Parses an image reference with Docker's normalization rules (distribution/reference ParseNormalizedNamed). */
export function parseImage(image: string): ImageRef {
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const slash = rest.indexOf('/');
  const first = slash >= 0 ? rest.slice(0, slash) : '';
  // The first component is a registry when it looks like a host name (has a dot or a port) or is localhost.
  const isDomain = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  let domain = isDomain ? first : 'docker.io';
  let path = isDomain ? rest.slice(slash + 1) : rest;
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  if (!tag && !digest) tag = 'latest';
  return { domain, path, tag, digest };
}

/** The repository without tag or digest, fully qualified (`docker.io/library/nginx`). */
export function imageRepository(ref: ImageRef): string {
  return `${ref.domain}/${ref.path}`;
}

/** `imageRepository(parseImage(image))`. */
export function repositoryOf(image: string): string {
  return imageRepository(parseImage(image));
}

/** `containerStatuses[].image`: the fully qualified reference containerd reports. */
export function statusImage(image: string): string {
  const ref = parseImage(image);
  return ref.digest ? flatConcat(imageRepository(ref), '@', ref.digest) : flatConcat(imageRepository(ref), ':', String(ref.tag));
}

/** `containerStatuses[].imageID`: repository plus the (deterministic) manifest digest. */
export function statusImageId(image: string): string {
  const ref = parseImage(image);
  const digest = ref.digest ?? `sha256:${hexFromString(`${imageRepository(ref)}:${ref.tag}`)}`;
  return flatConcat(imageRepository(ref), '@', digest);
}

/** The key a node's image store uses: one entry per fully qualified reference. */
export function imageKey(image: string): string {
  return statusImage(image);
}

/**
 * `SetDefaults_Container`: `Always` when the tag is `latest` or there is no tag (and no digest), else
 * `IfNotPresent` (pkg/apis/core/v1/defaults.go).
 */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  const ref = parseImage(image);
  if (ref.digest) return 'IfNotPresent';
  return ref.tag === 'latest' ? 'Always' : 'IfNotPresent';
}

// Compressed sizes (bytes) as the `Pulled` event reports them; approximate values for current tags.
const knownSizes: Array<[RegExp, number]> = [
  [/^docker\.io\/library\/nginx:.*alpine/, 21_456_317],
  [/^docker\.io\/library\/nginx:/, 72_223_946],
  [/^docker\.io\/library\/busybox:/, 2_222_260],
  [/^docker\.io\/library\/alpine:/, 3_653_068],
  [/^docker\.io\/nicolaka\/netshoot:/, 199_375_542],
  [/^docker\.io\/curlimages\/curl:/, 10_167_562],
  [/^gcr\.io\/kuar-demo\/kuard-amd64:/, 10_925_452],
  [/^registry\.k8s\.io\/coredns\/coredns:/, 22_384_805],
];

/** Image size in bytes for the `Pulled` event. */
export function imageSizeBytes(image: string): number {
  const full = statusImage(image);
  for (const [re, size] of knownSizes) if (re.test(full)) return size;
  // unknown images: a stable size between 5 and 120 MB
  return 5_000_000 + (Number.parseInt(hexFromString(full).slice(0, 8), 16) % 115_000_000);
}

// What `kind` node images ship in containerd's store before any pull (kind's node image build).
const preloadedRepos = [
  'registry.k8s.io/coredns/coredns',
  'registry.k8s.io/pause',
  'registry.k8s.io/etcd',
  'registry.k8s.io/kube-apiserver',
  'registry.k8s.io/kube-controller-manager',
  'registry.k8s.io/kube-scheduler',
  'registry.k8s.io/kube-proxy',
  'docker.io/kindest/kindnetd',
  'docker.io/kindest/local-path-provisioner',
  'docker.io/kindest/local-path-helper',
];

/** Whether a fresh kind node already has the image. */
export function isPreloadedOnKindNode(image: string): boolean {
  return preloadedRepos.includes(repositoryOf(image));
}
