/**
 * Where things sit: node boxes in a grid, pods in slots inside their box, Services in a row above. Pure
 * arithmetic, so a slot or a box order always lands on the same pixels.
 */
import type { XY } from './elements';

export const layout = {
  podWidth: 138,
  podHeight: 54,
  podGap: 10,
  boxPadding: 12,
  boxHeader: 40,
  columns: 2,
  boxGap: 28,
  serviceY: 0,
  serviceWidth: 220,
  serviceHeight: 66,
  serviceGap: 40,
  nodesY: 170,
  /** Pod rows each grid row keeps free, so boxes can grow without moving their neighbours. */
  reservedRows: 3,
} as const;

export const boxWidth = layout.columns * layout.podWidth + (layout.columns - 1) * layout.podGap + 2 * layout.boxPadding;

/** A pod's position inside its box, from its slot. */
export function slotPosition(slot: number): XY {
  return {
    x: layout.boxPadding + (slot % layout.columns) * (layout.podWidth + layout.podGap),
    y: layout.boxHeader + Math.floor(slot / layout.columns) * (layout.podHeight + layout.podGap),
  };
}

/** A box's height when its highest occupied slot is `maxSlot` (-1: empty). */
export function boxHeight(maxSlot: number): number {
  const rows = Math.max(1, Math.ceil((maxSlot + 1) / layout.columns));
  return layout.boxHeader + layout.boxPadding + rows * (layout.podHeight + layout.podGap);
}

/**
 * Node boxes in a grid (two columns up to four nodes, then ⌈√n⌉), which suits a canvas taller than wide.
 * Each row is at least `reservedRows` pod rows tall, so a box growing inside that reserve moves nothing;
 * only a box outgrowing it pushes the rows below down.
 */
export function placeBoxes(groups: readonly string[], heights: ReadonlyMap<string, number>): { positions: Map<string, XY>; width: number } {
  const columns = groups.length <= 2 ? Math.max(1, groups.length) : groups.length <= 4 ? 2 : Math.ceil(Math.sqrt(groups.length));
  const reserved = layout.boxHeader + layout.boxPadding + layout.reservedRows * (layout.podHeight + layout.podGap);
  const positions = new Map<string, XY>();
  let y: number = layout.nodesY;
  for (let row = 0; row * columns < groups.length; row++) {
    const members = groups.slice(row * columns, row * columns + columns);
    for (const [col, g] of members.entries()) positions.set(g, { x: col * (boxWidth + layout.boxGap), y });
    y += Math.max(reserved, ...members.map((g) => heights.get(g) ?? 0)) + layout.boxGap;
  }
  return { positions, width: columns * (boxWidth + layout.boxGap) - layout.boxGap };
}

/** The x of the `i`-th of `count` Services, the row centred over the node grid. */
export function servicePosition(i: number, count: number, gridWidth: number): XY {
  const row = count * (layout.serviceWidth + layout.serviceGap) - layout.serviceGap;
  const start = Math.max(0, (gridWidth - row) / 2);
  return { x: start + i * (layout.serviceWidth + layout.serviceGap), y: layout.serviceY };
}
