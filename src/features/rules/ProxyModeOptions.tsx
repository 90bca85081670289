/** kube-proxy's modes as a select's options, userspace marked as removed (kube-proxy dropped it in 1.26). */
import { useT } from '../../i18n/languageStore';
import type { ClusterSettings } from '../../protocol/messages';

export type ProxyMode = NonNullable<ClusterSettings['proxyMode']>;
export const proxyModes: readonly ProxyMode[] = ['iptables', 'ipvs', 'nftables', 'userspace'];

export function ProxyModeOptions() {
  const t = useT();
  return (
    <>
      {proxyModes.map((m) => (
        <option key={m} value={m}>
          {m}
          {m === 'userspace' ? t('rules.removed') : ''}
        </option>
      ))}
    </>
  );
}
