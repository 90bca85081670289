/** The app's zustand store, made of slices. Components read it through selectors declared at module scope. */
import { create } from 'zustand';
import { type ClusterSlice, createClusterSlice } from './clusterSlice';
import { type EditorSlice, createEditorSlice } from './editorSlice';
import { type EditorTabsSlice, createEditorTabsSlice } from './editorTabsSlice';
import { type PersistenceSlice, createPersistenceSlice } from './persistenceSlice';
import { type SimulationSlice, createSimulationSlice } from './simulationSlice';
import { type UiSlice, createUiSlice } from './uiSlice';

export type AppState = ClusterSlice & UiSlice & EditorSlice & EditorTabsSlice & PersistenceSlice & SimulationSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createClusterSlice(...a),
  ...createUiSlice(...a),
  ...createEditorSlice(...a),
  ...createEditorTabsSlice(...a),
  ...createPersistenceSlice(...a),
  ...createSimulationSlice(...a),
}));
