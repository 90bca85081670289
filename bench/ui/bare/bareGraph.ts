/** The graph the bare page draws: what the playground's canvas showed, copied from its DOM. */
export interface BareGraph {
  /** Size of the playground's canvas in CSS pixels, so both flows paint the same area. */
  width: number;
  height: number;
  /** Absolute positions and rendered sizes; containers first so they paint below what they hold. */
  nodes: Array<{ id: string; label: string; x: number; y: number; width: number; height: number }>;
  edges: Array<{ id: string; source: string; target: string }>;
}

declare global {
  interface Window {
    /** Set by the bare page: draws `graph` and resolves once its nodes are measured and fitted. */
    renderBareFlow?(graph: BareGraph): Promise<void>;
  }
}
