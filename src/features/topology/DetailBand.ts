/**
 * Which level of detail the canvas draws, from React Flow's zoom: a state change only when the zoom crosses
 * the threshold (src/graph/levelOfDetail.ts), never per frame of a pan or zoom. The text scale of the group
 * cards follows the zoom in coarse steps through a CSS variable, written straight to the canvas element.
 */
import { useStore } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { cullRegionKey } from '../../graph/edgeCulling';
import { type Detail, detailForZoom } from '../../graph/levelOfDetail';

type Transform = { transform: [number, number, number] };
const selectDetail = (s: Transform): Detail => detailForZoom(s.transform[2]);
/** 1 / zoom rounded to a power of √2: a handful of steps between the fitted view and the pod threshold. */
const selectTextScale = (s: Transform): number => 2 ** (Math.round(Math.log2(1 / Math.max(s.transform[2], 0.01)) * 2) / 2);

/**
 * `?detail=pods` in the page's address draws every pod whatever the zoom: the baseline the UI benchmarks
 * compare level of detail against, and a way to see each pod of a big cluster at once.
 */
function forcedDetail(): Detail | undefined {
  return typeof location !== 'undefined' && new URLSearchParams(location.search).get('detail') === 'pods' ? 'pods' : undefined;
}

/** Rendered inside <ReactFlow>: reports the detail level up, keeps `--lod-text-scale` on `target`. */
export function DetailBand({ onDetail, target }: { onDetail(d: Detail): void; target: { current: HTMLElement | null } }) {
  const zoomed = useStore(selectDetail);
  const [forced] = useState(forcedDetail);
  const detail = forced ?? zoomed;
  const scale = useStore(selectTextScale);
  useEffect(() => onDetail(detail), [detail, onDetail]);
  useEffect(() => {
    target.current?.style.setProperty('--lod-text-scale', String(scale));
  }, [scale, target]);
  return null;
}

type Viewport = Transform & { width: number; height: number };
const selectCullRegion = (s: Viewport): string => cullRegionKey(s.transform, s.width, s.height);

/** Rendered inside <ReactFlow>: reports the coarse region whose edges are drawn (src/graph/edgeCulling.ts). */
export function CullRegion({ onRegion }: { onRegion(key: string): void }) {
  const key = useStore(selectCullRegion);
  useEffect(() => onRegion(key), [key, onRegion]);
  return null;
}
