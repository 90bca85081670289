/** While the clock plays, advance virtual time in step with real time, times the chosen speed. */
import { useEffect } from 'react';
import { useAppStore } from '../state/store';
import type { AppState } from '../state/store';
import { send } from '../state/simulation';

const selectPlaying = (s: AppState) => s.playing;
const selectSpeed = (s: AppState) => s.speed;
/** The worker has built its first cluster: ticks before then would only wait behind the seed. */
const selectStarted = (s: AppState) => s.mirror.time > 0;
const tickMs = 250;

export function usePlayClock(): void {
  const playing = useAppStore(selectPlaying);
  const speed = useAppStore(selectSpeed);
  const started = useAppStore(selectStarted);
  useEffect(() => {
    if (!playing || !started) return;
    let busy = false;
    const id = setInterval(() => {
      // never queue ticks behind a slow one: time would jump when they all land
      if (busy) return;
      busy = true;
      void send({ type: 'advance', ms: tickMs * speed }).finally(() => {
        busy = false;
      });
    }, tickMs);
    return () => clearInterval(id);
  }, [playing, speed, started]);
}
