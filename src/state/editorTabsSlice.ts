/**
 * Editor tabs (as in VS Code): the manifests tab (its text is `editorText`) and one tab per object opened by
 * `kubectl edit` or "Edit object". Each tab keeps its own text, so opening an object never replaces what was
 * typed elsewhere; the editor gives each tab its own Monaco model, hence its own undo history.
 */
import type { StateCreator } from 'zustand';

export const manifestsTab = 'manifests';

export interface ObjectTab {
  /** `<kind>/<namespace>/<name>` (namespace empty for cluster-scoped objects). */
  id: string;
  /** What the tab strip shows: `service/nginx`. */
  title: string;
  text: string;
  /** The text as last opened or applied: the tab is dirty while `text` differs. */
  saved: string;
}

export interface EditorTabsSlice {
  objectTabs: ObjectTab[];
  /** `manifests` or an object tab's id. */
  activeTab: string;
  /** Opens (or focuses) the tab of the object `text` describes; a tab with unsaved changes keeps them. */
  openObjectTab(text: string): void;
  closeObjectTab(id: string): void;
  setActiveTab(id: string): void;
  setObjectTabText(id: string, text: string): void;
  markObjectTabSaved(id: string, text: string): void;
  setEditorTabs(tabs: ObjectTab[], active: string): void;
}

/** The object a YAML text is about: kind, namespace and name read from its top-level fields. */
export function objectTabIdentity(text: string): { id: string; title: string } {
  const top = (key: string) => new RegExp(`^${key}:\\s*(\\S+)\\s*$`, 'm').exec(text)?.[1] ?? '';
  const meta = /^metadata:\s*\n((?:[ \t]+.*\n?)*)/m.exec(text)?.[1] ?? '';
  const field = (key: string) => new RegExp(`^  ${key}:\\s*(\\S+)\\s*$`, 'm').exec(meta)?.[1] ?? '';
  const kind = top('kind');
  const name = field('name');
  return { id: `${kind}/${field('namespace')}/${name}`, title: `${kind.toLowerCase()}/${name}` };
}

export const createEditorTabsSlice: StateCreator<EditorTabsSlice, [], [], EditorTabsSlice> = (set) => ({
  objectTabs: [],
  activeTab: manifestsTab,
  openObjectTab: (text) =>
    set((s) => {
      const { id, title } = objectTabIdentity(text);
      const existing = s.objectTabs.find((t) => t.id === id);
      if (existing) {
        // a clean tab shows the object as it is now; edits not applied yet are never overwritten
        const fresh = existing.text === existing.saved ? { ...existing, text, saved: text } : existing;
        return { objectTabs: s.objectTabs.map((t) => (t.id === id ? fresh : t)), activeTab: id };
      }
      return { objectTabs: [...s.objectTabs, { id, title, text, saved: text }], activeTab: id };
    }),
  closeObjectTab: (id) =>
    set((s) => {
      const i = s.objectTabs.findIndex((t) => t.id === id);
      if (i < 0) return {};
      const objectTabs = s.objectTabs.filter((t) => t.id !== id);
      const activeTab = s.activeTab !== id ? s.activeTab : (objectTabs[Math.min(i, objectTabs.length - 1)]?.id ?? manifestsTab);
      return { objectTabs, activeTab };
    }),
  setActiveTab: (activeTab) => set({ activeTab }),
  setObjectTabText: (id, text) => set((s) => ({ objectTabs: s.objectTabs.map((t) => (t.id === id && t.text !== text ? { ...t, text } : t)) })),
  markObjectTabSaved: (id, text) => set((s) => ({ objectTabs: s.objectTabs.map((t) => (t.id === id ? { ...t, saved: text } : t)) })),
  setEditorTabs: (objectTabs, activeTab) =>
    set({ objectTabs, activeTab: activeTab === manifestsTab || objectTabs.some((t) => t.id === activeTab) ? activeTab : manifestsTab }),
});
