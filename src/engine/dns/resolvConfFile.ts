/** Reading a container's /etc/resolv.conf the way stub resolvers do (nameserver, search, options ndots). */

export interface ResolverSettings {
  nameservers: string[];
  search: string[];
  ndots: number;
}

/** glibc `res_init`: the last `search` line wins; ndots defaults to 1. */
export function parseResolvConf(text: string): ResolverSettings {
  const out: ResolverSettings = { nameservers: [], search: [], ndots: 1 };
  for (const line of text.split('\n')) {
    const words = line.trim().split(/\s+/);
    if (words[0] === 'nameserver' && words[1]) out.nameservers.push(words[1]);
    else if (words[0] === 'search') out.search = words.slice(1);
    else if (words[0] === 'options') {
      for (const o of words.slice(1)) if (o.startsWith('ndots:')) out.ndots = Math.min(15, Number(o.slice(6)) || 0);
    }
  }
  return out;
}

/**
 * The names a glibc/musl resolver tries for `name`, in order (`res_nsearch`): a name ending in a dot only as
 * is; a name with at least `ndots` dots as is first, then with each search suffix; otherwise the suffixes first.
 */
export function searchCandidates(name: string, s: ResolverSettings): string[] {
  if (name.endsWith('.')) return [name];
  const dots = name.split('.').length - 1;
  const suffixed = s.search.map((d) => `${name}.${d}.`);
  return dots >= s.ndots ? [`${name}.`, ...suffixed] : [...suffixed, `${name}.`];
}
