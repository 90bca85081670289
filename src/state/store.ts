/** The app's zustand store, made of slices. Components read it through selectors declared at module scope. */
import { create } from 'zustand';
import { type ClusterSlice, createClusterSlice } from './clusterSlice';
import { type EditorSlice, createEditorSlice } from './editorSlice';
import { type SimulationSlice, createSimulationSlice } from './simulationSlice';
import { type UiSlice, createUiSlice } from './uiSlice';

export type AppState = ClusterSlice & UiSlice & EditorSlice & SimulationSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createClusterSlice(...a),
  ...createUiSlice(...a),
  ...createEditorSlice(...a),
  ...createSimulationSlice(...a),
}));
