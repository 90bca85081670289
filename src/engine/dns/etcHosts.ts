/** /etc/hosts as the C library reads it (glibc `nss_files`): an address, then its names; `#` starts a comment. */

export interface HostsEntry {
  address: string;
  names: string[];
}

/** The entries of a hosts file, in file order. */
export function hostsEntries(text: string): HostsEntry[] {
  const out: HostsEntry[] = [];
  for (const line of text.split('\n')) {
    const [address, ...names] = line.split('#')[0].trim().split(/\s+/);
    if (address && names.length) out.push({ address, names });
  }
  return out;
}
