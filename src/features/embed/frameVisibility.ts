/**
 * Whether the frame is on screen: its document intersects the top-level viewport (IntersectionObserver works
 * across origins) and its tab is visible. reveal.js and decks like it load the iframes of the next slides early,
 * off-screen or hidden: an embed must not start a worker or run a clock for a slide nobody is looking at.
 */
export function watchFrameVisibility(target: Element, onChange: (visible: boolean) => void): () => void {
  let intersecting = false;
  let last: boolean | undefined;
  const report = () => {
    const visible = intersecting && document.visibilityState === 'visible';
    if (visible === last) return;
    last = visible;
    onChange(visible);
  };
  const observer = new IntersectionObserver((entries) => {
    const entry = entries[entries.length - 1];
    if (entry) intersecting = entry.isIntersecting;
    report();
  });
  observer.observe(target);
  document.addEventListener('visibilitychange', report);
  return () => {
    observer.disconnect();
    document.removeEventListener('visibilitychange', report);
  };
}
