/**
 * A DOM element (the topology canvas) as a PNG or SVG file, with html-to-image (React Flow's documented way to
 * export a flow), loaded only when asked. The SVG wraps the element's HTML in a foreignObject; the PNG draws that
 * SVG on a canvas. Everything happens in the page: no request leaves it, so it works offline and under the CSP
 * (`img-src data:` is what it needs). Web fonts are not inlined: the app uses system fonts.
 *
 * html-to-image copies each HTML element's computed style onto its clone, but an `<svg>` it clones whole
 * (`node.cloneNode(true)` in html-to-image's src/clone-node.ts), so the shapes inside keep only their attributes.
 * The picture has no stylesheets, and the `<svg>` itself is given its computed `stroke: none`, so React Flow's edge
 * paths, painted by class rules (`.react-flow__edge-path.edge-ready { stroke: var(--ready) }`), came out
 * invisible. {@link withSvgPaint} writes each shape's computed paint as presentation attributes for the capture.
 */
export type ImageFormat = 'png' | 'svg';

export interface ImageOptions {
  background: string;
  /** Leave out elements this returns false for (zoom buttons, minimap). */
  keep(el: HTMLElement): boolean;
}

/** The element as a `data:` URL of the format. */
export async function elementImage(el: HTMLElement, format: ImageFormat, o: ImageOptions): Promise<string> {
  const { toPng, toSvg } = await import('html-to-image');
  const options = {
    backgroundColor: o.background,
    skipFonts: true,
    filter: (n: HTMLElement) => !(n instanceof HTMLElement) || o.keep(n),
    ...(format === 'png' ? { pixelRatio: 2 } : {}),
  };
  return withSvgPaint(el, () => (format === 'png' ? toPng(el, options) : toSvg(el, options)));
}

/** The paint properties a shape inside an `<svg>` takes from stylesheets (each is also a presentation attribute). */
const paintProperties = ['stroke', 'stroke-width', 'stroke-dasharray', 'stroke-dashoffset', 'stroke-opacity', 'stroke-linecap', 'stroke-linejoin', 'fill', 'fill-opacity', 'opacity'];

/**
 * Runs `capture` while every shape inside an `<svg>` under `el` carries its computed paint as presentation
 * attributes, then puts the attributes back exactly as they were. On screen nothing changes meanwhile: any
 * stylesheet rule or inline style outranks a presentation attribute, so the page keeps painting what it painted.
 */
export async function withSvgPaint<T>(el: Element, capture: () => Promise<T>): Promise<T> {
  const saved: { shape: Element; name: string; value: string | null }[] = [];
  for (const shape of el.querySelectorAll('svg *')) {
    const style = getComputedStyle(shape);
    for (const name of paintProperties) {
      const value = style.getPropertyValue(name);
      if (!value) continue;
      saved.push({ shape, name, value: shape.getAttribute(name) });
      shape.setAttribute(name, value);
    }
  }
  try {
    return await capture();
  } finally {
    for (const { shape, name, value } of saved) {
      if (value === null) shape.removeAttribute(name);
      else shape.setAttribute(name, value);
    }
  }
}

/** A `data:` URL's bytes as a Blob (decoded here: the CSP's connect-src does not let `fetch` read data: URLs). */
export function dataUrlBlob(url: string): Blob {
  const comma = url.indexOf(',');
  const head = url.slice(5, comma);
  const type = head.split(';')[0] || 'application/octet-stream';
  const body = url.slice(comma + 1);
  if (head.endsWith(';base64')) {
    const bin = atob(body);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new Blob([bytes], { type });
  }
  return new Blob([decodeURIComponent(body)], { type });
}

/** Saves a `data:` URL under a file name (the browser's download, from a blob: URL as Chromium wants it). */
export function download(url: string, fileName: string): void {
  const href = URL.createObjectURL(dataUrlBlob(url));
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 0);
}
