/**
 * Image references as distribution/reference parses them (the grammar in `reference.go` / `regexp.go`, and
 * `normalize.go` `ParseNormalizedNamed`): what kubectl checks before `kubectl run`, and what the kubelet parses
 * before it pulls (pkg/kubelet/images/image_manager.go `applyDefaultImageTag`).
 */

const component = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domain = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;

/** `reference.ReferenceRegexp`, anchored: `[domain/]name[:tag][@digest]`. */
export const referenceRegexp = new RegExp(
  `^(?:${domain}/)?(${component}(?:/${component})*)(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`,
);

/** `splitDockerDomain`: docker.io for a first component that is not a host, and `library/` for official images. */
function splitDockerDomain(name: string): { domain: string; remainder: string } {
  const i = name.indexOf('/');
  const first = i < 0 ? '' : name.slice(0, i);
  let d = 'docker.io';
  let remainder = name;
  if (i >= 0 && (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first)) {
    d = first;
    remainder = name.slice(i + 1);
  }
  if (d === 'index.docker.io') d = 'docker.io';
  if (d === 'docker.io' && !remainder.includes('/')) remainder = `library/${remainder}`;
  return { domain: d, remainder };
}

/** Why `ParseNormalizedNamed` refuses `image` (its error text), or undefined when it parses. */
export function normalizedNameError(image: string): string | undefined {
  if (/^[a-f0-9]{64}$/.test(image)) return `invalid repository name (${image}), cannot specify 64-byte hexadecimal strings`;
  const { domain: d, remainder } = splitDockerDomain(image);
  const tagSep = remainder.indexOf(':');
  const remoteName = tagSep < 0 ? remainder : remainder.slice(0, tagSep);
  if (remoteName.toLowerCase() !== remoteName) return `invalid reference format: repository name (${remoteName}) must be lowercase`;
  const full = `${d}/${remainder}`;
  const m = referenceRegexp.exec(full);
  if (!m) return full === '/' ? 'repository name must have at least one component' : 'invalid reference format';
  if (`${d}/${m[1]}`.length > 255) return 'repository name must not be more than 255 characters';
  return undefined;
}
