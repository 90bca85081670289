/** Whether the window is narrower than the three-column workbench needs (a phone, half a laptop, zoomed in). */
import { useEffect, useState } from 'react';

/** Below this many CSS pixels the panels become tabs. Browser zoom shrinks the CSS width, so it counts too. */
export const narrowQuery = '(max-width: 899px)';

export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia?.(narrowQuery).matches ?? false);
  useEffect(() => {
    const mq = window.matchMedia?.(narrowQuery);
    const on = (e: MediaQueryListEvent) => setNarrow(e.matches);
    mq?.addEventListener('change', on);
    return () => mq?.removeEventListener('change', on);
  }, []);
  return narrow;
}
