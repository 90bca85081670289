// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { withSvgPaint } from './canvasImage';

function canvas(): HTMLElement {
  document.head.innerHTML = '<style>.edge-ready { stroke: rgb(22, 163, 74); }</style>';
  document.body.innerHTML = '<div id="flow"><svg><g><path class="edge-ready" d="M 0 0 L 10 10" fill="none" stroke-width="20"></path></g></svg></div>';
  return document.getElementById('flow') as HTMLElement;
}

describe('withSvgPaint', () => {
  afterEach(() => {
    document.head.innerHTML = '';
    document.body.innerHTML = '';
  });

  it('lends each shape its stylesheet stroke for the capture, then restores its attributes exactly', async () => {
    const flow = canvas();
    const path = flow.querySelector('path') as SVGPathElement;
    const during = await withSvgPaint(flow, async () => ({ stroke: path.getAttribute('stroke'), fill: path.getAttribute('fill') }));
    expect(during).toEqual({ stroke: 'rgb(22, 163, 74)', fill: 'none' });
    expect(path.hasAttribute('stroke')).toBe(false);
    expect(path.getAttribute('stroke-width')).toBe('20');
    expect(path.getAttribute('fill')).toBe('none');
  });

  it('restores the attributes when the capture fails', async () => {
    const flow = canvas();
    const path = flow.querySelector('path') as SVGPathElement;
    await expect(
      withSvgPaint(flow, async () => {
        throw new Error('capture failed');
      }),
    ).rejects.toThrow('capture failed');
    expect(path.hasAttribute('stroke')).toBe(false);
    expect(path.getAttribute('stroke-width')).toBe('20');
  });
});
