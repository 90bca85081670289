/**
 * Whether the playground's clock runs when the page opens. A real cluster moves on its own, so a fresh
 * playground plays at ×1; a user who paused keeps a paused clock across a reload (a reload must not move the
 * cluster they stopped to study). `?clock=paused` opens paused (for a demo, a screenshot or a journey that
 * compares what it sees) and `?clock=running` opens running, whatever was remembered.
 */
const key = 'svcsim.clock';

/** Reads the address, then what was remembered; running when neither says otherwise. */
export function initialClockPlaying(): boolean {
  const asked = new URL(window.location.href).searchParams.get('clock');
  if (asked === 'paused') return false;
  if (asked === 'running') return true;
  try {
    return localStorage.getItem(key) !== 'paused';
  } catch {
    return true;
  }
}

/** Remembers a pause (and forgets it on play), where the browser allows storage. */
export function rememberClockPlaying(playing: boolean): void {
  try {
    if (playing) localStorage.removeItem(key);
    else localStorage.setItem(key, 'paused');
  } catch {
    // not remembering a pause is harmless: the page opens running
  }
}
