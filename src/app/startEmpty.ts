/**
 * `?start=empty`: the playground starts from an empty cluster (the kind nodes only, as `svcsim shell` does
 * without `--playground`) instead of the seed topology, so a headless script can be replayed in the browser.
 * The parameter is taken out of the address once read: a reload then keeps the session instead of emptying it.
 */
export function takeEmptyStart(): boolean {
  const url = new URL(window.location.href);
  if (url.searchParams.get('start') !== 'empty') return false;
  url.searchParams.delete('start');
  window.history.replaceState(window.history.state, '', url);
  return true;
}
