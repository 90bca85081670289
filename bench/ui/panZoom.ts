/**
 * The scripted pan/zoom both pages get, run inside the page: one synthetic input event per animation frame,
 * dispatched where React Flow's d3-zoom listens (wheel and mousedown on the pane, mousemove/mouseup on the
 * window), and the rAF timestamps of every frame recorded. It is a fixed number of frames rather than a
 * fixed time, so both pages do exactly the same work: 60 frames zooming in ×8 at the centre, 60 frames
 * dragging (out and back), 60 frames zooming out ×8. At 60 Hz that is 3 s.
 */

export interface PanZoomRun {
  /** rAF timestamps (ms since navigation) of every frame of the script. */
  stamps: number[];
  /** The viewport transform before and after, to check both pages showed and did the same. */
  before: string;
  after: string;
}

/** Runs in the page (serialised by Playwright): no imports, no closures over module scope. */
export function panZoomInPage(framesPerPhase: number): Promise<PanZoomRun> {
  const pane = document.querySelector('.react-flow__pane');
  const viewportEl = document.querySelector<HTMLElement>('.react-flow__viewport');
  if (!pane || !viewportEl) throw new Error('no React Flow pane on the page');
  const r = pane.getBoundingClientRect();
  const cx = r.left + r.width / 2;
  const cy = r.top + r.height / 2;
  // d3-zoom scales by 2^(-deltaY * 0.002) per wheel event: 3 doublings over one phase
  const deltaY = -3 / 0.002 / framesPerPhase;
  const wheel = (dy: number) =>
    pane.dispatchEvent(new WheelEvent('wheel', { deltaY: dy, deltaMode: 0, clientX: cx, clientY: cy, bubbles: true, cancelable: true, view: window }));
  const mouse = (type: string, target: EventTarget, x: number, y: number) =>
    target.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, button: 0, buttons: type === 'mouseup' ? 0 : 1, bubbles: true, cancelable: true, view: window }));
  const stamps: number[] = [];
  const before = viewportEl.style.transform;
  let frame = 0;
  let x = cx;
  let y = cy;
  return new Promise((resolve) => {
    const step = (t: number) => {
      stamps.push(t);
      const phase = Math.floor(frame / framesPerPhase);
      const i = frame % framesPerPhase;
      if (phase === 0) wheel(deltaY);
      else if (phase === 1) {
        if (i === 0) mouse('mousedown', pane, x, y);
        const dir = i < framesPerPhase / 2 ? 1 : -1;
        x += 8 * dir;
        y += 4 * dir;
        mouse('mousemove', window, x, y);
        if (i === framesPerPhase - 1) mouse('mouseup', window, x, y);
      } else if (phase === 2) wheel(-deltaY);
      frame++;
      if (phase < 3) requestAnimationFrame(step);
      else resolve({ stamps, before, after: viewportEl.style.transform });
    };
    requestAnimationFrame(step);
  });
}

/** Frame times: the gaps between consecutive frames. */
export function frameTimes(stamps: readonly number[]): number[] {
  return stamps.slice(1).map((t, i) => t - stamps[i]);
}
