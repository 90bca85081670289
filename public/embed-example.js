// The example deck's script: slides, and the postMessage API of svcsim embeds (see the README, "Embed in slides").

// Where svcsim is served: `?app=https://svcsim.example` when the deck lives elsewhere, else this page's origin.
const app = (() => {
  const given = new URLSearchParams(location.search).get('app');
  if (given) {
    try {
      const u = new URL(given);
      if (u.protocol === 'http:' || u.protocol === 'https:') return u.origin;
    } catch {
      // not a URL: use this page's origin
    }
  }
  return location.origin;
})();

const frames = [...document.querySelectorAll('iframe[data-embed]')];
const steps = new Map(frames.map((f) => [f.id, { step: 0, steps: 0 }]));


const log = document.getElementById('log');
function summarize(d) {
  switch (d.type) {
    case 'svcsim:ready':
      return `ready: ${d.scenario ?? 'playground'}, step ${d.step} of ${d.steps}, view ${d.view}`;
    case 'svcsim:step-changed':
      return `step ${d.step} of ${d.steps}: ${d.title}`;
    case 'svcsim:check':
      return `checks of step ${d.step}: ${d.checks.map((c) => `${c.ok ? '✓' : '✗'} ${c.expected}`).join('; ') || 'none'}`;
    case 'svcsim:command-done':
      return `ran ${d.command}${d.exitCode === null ? ' (in its terminal)' : ` → exit ${d.exitCode}`}`;
    default:
      return d.type;
  }
}

window.addEventListener('message', (e) => {
  // only the embeds, from svcsim's origin; everything shown as text, never as HTML
  if (e.origin !== app) return;
  const frame = frames.find((f) => f.contentWindow === e.source);
  const d = e.data;
  if (!frame || !d || typeof d.type !== 'string' || !d.type.startsWith('svcsim:')) return;
  if ((d.type === 'svcsim:ready' || d.type === 'svcsim:step-changed') && Number.isInteger(d.step)) {
    steps.set(frame.id, { step: d.step, steps: d.steps });
    document.getElementById(`${frame.id}-where`).textContent = `step ${d.step} of ${d.steps}`;
  }
  const li = document.createElement('li');
  li.dataset.frame = frame.id;
  li.dataset.type = d.type;
  li.textContent = `${frame.id}: ${summarize(d)}`;
  log.append(li);
  li.scrollIntoView({ block: 'nearest' });
});

function tell(frameId, message) {
  document.getElementById(frameId)?.contentWindow?.postMessage(message, app);
}

for (const b of document.querySelectorAll('button[data-target]')) {
  b.addEventListener('click', () => {
    const id = b.dataset.target;
    const at = steps.get(id) ?? { step: 0, steps: 0 };
    if (b.dataset.action === 'next') tell(id, { type: 'svcsim:step', step: Math.min(at.step + 1, at.steps || 1) });
    else if (b.dataset.action === 'previous') tell(id, { type: 'svcsim:step', step: Math.max(at.step - 1, 1) });
    else if (b.dataset.action === 'reset') tell(id, { type: 'svcsim:reset' });
    else if (b.dataset.action === 'command') tell(id, { type: 'svcsim:command', command: b.dataset.command });
  });
}

// slides: one shows at a time; ← and → change it, as in reveal.js
const slides = [...document.querySelectorAll('.slide')];
let current = 0;
function show(n) {
  current = Math.max(0, Math.min(slides.length - 1, n));
  slides.forEach((s, i) => {
    s.classList.toggle('past', i < current);
    s.classList.toggle('future', i > current);
    s.inert = i !== current;
  });
  document.getElementById('slide-number').textContent = `${current + 1} / ${slides.length}`;
}
document.getElementById('slide-previous').addEventListener('click', () => show(current - 1));
document.getElementById('slide-next').addEventListener('click', () => show(current + 1));
document.addEventListener('keydown', (e) => {
  if (e.target instanceof HTMLInputElement) return;
  if (e.key === 'ArrowRight' || e.key === 'PageDown') show(current + 1);
  if (e.key === 'ArrowLeft' || e.key === 'PageUp') show(current - 1);
});
// the first placement is not animated: sliding in from where they were laid out, the waiting slides (and their
// iframes) would cross the screen for 0.3 s, and an embed that saw itself then would start before its slide
document.body.classList.add('placing');
show(Number(new URLSearchParams(location.search).get('slide') ?? 1) - 1);
void document.body.offsetWidth;
document.body.classList.remove('placing');
// reveal.js preloads the iframes of the next slides: so does this deck (once the slides are in place, so a frame
// never sees itself on screen before its slide moves away), and the embeds wait until shown
for (const f of frames) f.src = `${app}/embed.html?embed=1&${f.dataset.embed}`;
