/**
 * `/?embed=1&…` is an embed address too (issue 10 names it so), but the embed page is its own, lighter entry:
 * this page forwards there with the same parameters and fragment before it starts anything. A deck that links
 * `embed.html` directly skips this page's script altogether.
 */
import { isEmbedSearch } from '../features/embed/embedParams';

/** Forwards to embed.html when the address asks for the embed mode; true when it did. */
export function forwardToEmbed(): boolean {
  if (!isEmbedSearch(window.location.search)) return false;
  const target = new URL('embed.html', window.location.href);
  target.search = window.location.search;
  target.hash = window.location.hash;
  window.location.replace(target.href);
  return true;
}
