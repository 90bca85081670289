import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { createEditorTabsSlice, type EditorTabsSlice, manifestsTab, objectTabIdentity } from './editorTabsSlice';

const svc = (port: number) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: nginx\n  namespace: default\nspec:\n  ports:\n  - port: ${port}\n`;
const node = 'apiVersion: v1\nkind: Node\nmetadata:\n  labels:\n    a: b\n  name: kind-worker\n';

function store() {
  return create<EditorTabsSlice>()((...a) => createEditorTabsSlice(...a));
}

describe('editor tabs', () => {
  it('name a tab after the object its YAML describes', () => {
    expect(objectTabIdentity(svc(80))).toEqual({ id: 'Service/default/nginx', title: 'service/nginx' });
    expect(objectTabIdentity(node)).toEqual({ id: 'Node//kind-worker', title: 'node/kind-worker' });
  });

  it('open an object in its own tab, and again in the same tab', () => {
    const s = store();
    s.getState().openObjectTab(svc(80));
    s.getState().openObjectTab(node);
    expect(s.getState().objectTabs.map((t) => t.title)).toEqual(['service/nginx', 'node/kind-worker']);
    expect(s.getState().activeTab).toBe('Node//kind-worker');
    s.getState().openObjectTab(svc(81));
    expect(s.getState().activeTab).toBe('Service/default/nginx');
    expect(s.getState().objectTabs[0].text).toBe(svc(81));
  });

  it('never overwrite edits not applied yet; applying makes the tab clean', () => {
    const s = store();
    s.getState().openObjectTab(svc(80));
    s.getState().setObjectTabText('Service/default/nginx', svc(8080));
    s.getState().openObjectTab(svc(81));
    const [tab] = s.getState().objectTabs;
    expect(tab.text).toBe(svc(8080));
    expect(tab.text !== tab.saved).toBe(true);
    s.getState().markObjectTabSaved(tab.id, svc(8080));
    expect(s.getState().objectTabs[0].saved).toBe(svc(8080));
  });

  it('show the neighbour, or the manifests, when the shown tab closes', () => {
    const s = store();
    s.getState().openObjectTab(svc(80));
    s.getState().openObjectTab(node);
    s.getState().closeObjectTab('Node//kind-worker');
    expect(s.getState().activeTab).toBe('Service/default/nginx');
    s.getState().closeObjectTab('Service/default/nginx');
    expect(s.getState().activeTab).toBe(manifestsTab);
    s.getState().setEditorTabs([], 'Service/default/gone');
    expect(s.getState().activeTab).toBe(manifestsTab);
  });
});
