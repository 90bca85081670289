/** Whether the Diagram dialog is open (the top bar's button and the `m` shortcut open it). */
import { create } from 'zustand';

interface DiagramState {
  open: boolean;
}

export const useDiagramStore = create<DiagramState>(() => ({ open: false }));

export function openDiagram(): void {
  useDiagramStore.setState({ open: true });
}

export function closeDiagram(): void {
  useDiagramStore.setState({ open: false });
}
