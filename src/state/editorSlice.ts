/** The editor slice: the manifest text (the one source of truth for what gets applied) and its problems. */
import type { StateCreator } from 'zustand';
import type { ApplyItemResult } from '../protocol/messages';

export interface EditorProblem {
  severity: 'error' | 'warning';
  message: string;
  /** 1-based. */
  line: number;
  column: number;
  source: 'yaml' | 'apiserver' | 'schema';
}

export interface EditorSlice {
  editorText: string;
  /** Per-document results of the last apply. */
  lastApply: ApplyItemResult[];
  problems: EditorProblem[];
  setEditorText(text: string): void;
  setApplyResult(items: ApplyItemResult[]): void;
  setSchemaProblems(problems: EditorProblem[]): void;
}

export const createEditorSlice: StateCreator<EditorSlice, [], [], EditorSlice> = (set) => ({
  editorText: '',
  lastApply: [],
  problems: [],
  setEditorText: (editorText) => set({ editorText }),
  setApplyResult: (items) =>
    set((s) => ({
      lastApply: items,
      problems: [
        ...s.problems.filter((p) => p.source === 'schema'),
        ...items
          .filter((i) => i.error)
          .map(
            (i): EditorProblem => ({
              severity: 'error',
              message: i.error ?? '',
              line: i.line ?? 1,
              column: i.column ?? 1,
              source: i.errorSource ?? 'apiserver',
            }),
          ),
      ],
    })),
  setSchemaProblems: (schema) => set((s) => ({ problems: [...s.problems.filter((p) => p.source !== 'schema'), ...schema] })),
});
