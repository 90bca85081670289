/** While the clock plays, advance virtual time in step with real time, times the chosen speed. */
import { useEffect } from 'react';
import { useAppStore } from '../state/store';
import type { AppState } from '../state/store';
import { send } from '../state/simulation';

const selectPlaying = (s: AppState) => s.playing;
const selectSpeed = (s: AppState) => s.speed;
const tickMs = 250;

export function usePlayClock(): void {
  const playing = useAppStore(selectPlaying);
  const speed = useAppStore(selectSpeed);
  useEffect(() => {
    if (!playing) return;
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
  }, [playing, speed]);
}
