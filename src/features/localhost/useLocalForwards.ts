/**
 * The localhost ports `kubectl port-forward` holds right now, asked of the worker once a second while the dock
 * is shown (a forward starts and stops in a terminal; nothing else tells the page).
 */
import { useEffect, useState } from 'react';
import type { WireLocalForward } from '../../protocol/messages';
import { send } from '../../state/simulation';

const pollMs = 1000;

const same = (a: WireLocalForward[], b: WireLocalForward[]) =>
  a.length === b.length && a.every((f, i) => f.localPort === b[i].localPort && f.pod === b[i].pod && f.namespace === b[i].namespace && f.remotePort === b[i].remotePort);

export function useLocalForwards(): WireLocalForward[] {
  const [forwards, setForwards] = useState<WireLocalForward[]>([]);
  useEffect(() => {
    let stopped = false;
    const ask = () => {
      void send({ type: 'localForwards' }).then((r) => {
        if (stopped || !r.ok || r.value?.kind !== 'localForwards') return;
        const next = r.value.forwards;
        setForwards((prev) => (same(prev, next) ? prev : next));
      });
    };
    ask();
    const timer = setInterval(ask, pollMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, []);
  return forwards;
}
