/**
 * The Monaco editor itself (lazy chunk). The text lives in the store; markers from applying (YAML syntax and
 * apiserver errors) are set here, schema markers come from monaco-yaml and flow back into the problems list.
 */
import { useEffect, useRef } from 'react';
import { manifestUri, monaco } from '../../adapters/monaco';
import { monacoTheme } from '../../adapters/monacoThemes';
import type { EditorProblem } from '../../state/editorSlice';
import { manifestsTab } from '../../state/editorTabsSlice';
import { useAppStore } from '../../state/store';
import { applyEditor } from './applyEditor';
import { schemaProblem } from './schemaProblem';

export interface EditorHandle {
  reveal(line: number, column: number): void;
}

const applyOwner = 'svcsim-apply';

function toMarkers(problems: EditorProblem[], model: monaco.editor.ITextModel): monaco.editor.IMarkerData[] {
  return problems
    .filter((p) => p.source !== 'schema')
    .map((p) => {
      const line = Math.min(Math.max(1, p.line), model.getLineCount());
      return {
        severity: monaco.MarkerSeverity.Error,
        message: p.message,
        startLineNumber: line,
        startColumn: p.column,
        endLineNumber: line,
        endColumn: model.getLineMaxColumn(line),
        source: p.source,
      };
    });
}

/** The model of an object tab: its own text, hence its own undo stack (as VS Code keeps one per file). */
function objectUri(id: string): monaco.Uri {
  return monaco.Uri.parse(`file:///objects/${encodeURIComponent(id)}.yaml`);
}

function modelFor(tab: string): monaco.editor.ITextModel {
  const s = useAppStore.getState();
  if (tab === manifestsTab) return monaco.editor.getModel(manifestUri) ?? monaco.editor.createModel(s.editorText, 'yaml', manifestUri);
  const uri = objectUri(tab);
  return monaco.editor.getModel(uri) ?? monaco.editor.createModel(s.objectTabs.find((t) => t.id === tab)?.text ?? '', 'yaml', uri);
}

/** Follows the editor tabs: each tab's model, its text both ways, and its view state when switching back. */
function followTabs(editor: monaco.editor.IStandaloneCodeEditor, onShow: (model: monaco.editor.ITextModel) => void): () => void {
  const views = new Map<string, monaco.editor.ICodeEditorViewState | null>();
  const subs = new Map<string, monaco.IDisposable>();
  const attach = (tab: string) => {
    if (subs.has(tab)) return modelFor(tab);
    const model = modelFor(tab);
    subs.set(
      tab,
      model.onDidChangeContent(() => {
        const st = useAppStore.getState();
        if (tab === manifestsTab) st.setEditorText(model.getValue());
        else st.setObjectTabText(tab, model.getValue());
      }),
    );
    return model;
  };
  const show = (tab: string) => {
    const model = attach(tab);
    const current = editor.getModel();
    if (current === model) return;
    const previous = [...subs.keys()].find((t) => t !== tab && monaco.editor.getModel(t === manifestsTab ? manifestUri : objectUri(t)) === current);
    if (previous) views.set(previous, editor.saveViewState());
    editor.setModel(model);
    const view = views.get(tab);
    if (view) editor.restoreViewState(view);
    onShow(editor.getModel() as monaco.editor.ITextModel);
  };
  show(useAppStore.getState().activeTab);
  const unsub = useAppStore.subscribe((s, prev) => {
    // text set from outside (scenario steps, a refreshed object) flows into the models
    if (s.editorText !== prev.editorText) {
      const m = modelFor(manifestsTab);
      if (s.editorText !== m.getValue()) m.setValue(s.editorText);
    }
    if (s.objectTabs !== prev.objectTabs) {
      for (const t of s.objectTabs) {
        const m = monaco.editor.getModel(objectUri(t.id));
        if (m && t.text !== m.getValue()) m.setValue(t.text);
      }
    }
    if (s.activeTab !== prev.activeTab || s.objectTabs !== prev.objectTabs) show(s.activeTab);
    // a closed tab's model (and its undo history) goes once another model is shown
    for (const t of prev.objectTabs) {
      if (s.objectTabs.some((x) => x.id === t.id)) continue;
      subs.get(t.id)?.dispose();
      subs.delete(t.id);
      views.delete(t.id);
      monaco.editor.getModel(objectUri(t.id))?.dispose();
    }
  });
  return () => {
    unsub();
    for (const d of subs.values()) d.dispose();
  };
}

/** The editor's font size with Large text on (13 px × 1.25, as the rest of the UI). */
const largeFontSize = 16;

export default function MonacoEditor({ handleRef, dark }: { handleRef: { current: EditorHandle | undefined }; dark: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const editor = monaco.editor.create(host.current, {
      model: modelFor(useAppStore.getState().activeTab),
      automaticLayout: true,
      minimap: { enabled: false },
      // no translate3d layer hints: each extra composited layer costs the browser per-frame layer work while the
      // canvas pans and zooms (bench:ui frame-time figure); a manifest is short enough to scroll without them
      disableLayerHinting: true,
      fontSize: useAppStore.getState().largeText ? largeFontSize : 13,
      scrollBeyondLastLine: false,
      tabSize: 2,
      ariaLabel: 'Kubernetes manifests (YAML)',
      // Monaco 0.57's EditContext input (Chromium) is no text field to page-level key handlers, so Space reached
      // the canvas's pan key, and synthetic key presses lose spaces; the hidden textarea input has neither problem
      editContext: false,
      // the number of the empty line after a final newline is drawn dimmed by default, under 4.5:1 contrast
      renderFinalNewline: 'on',
    });
    editor.addAction({
      id: 'svcsim.apply',
      label: 'Apply manifests (kubectl apply)',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => void applyEditor(),
    });
    const publishSchemaProblems = (model: monaco.editor.ITextModel) => {
      const schema = monaco.editor
        .getModelMarkers({ resource: model.uri })
        .filter((m) => m.owner !== applyOwner)
        .map((m) =>
          schemaProblem({ message: m.message, isError: m.severity === monaco.MarkerSeverity.Error, line: m.startLineNumber, column: m.startColumn }),
        );
      useAppStore.getState().setSchemaProblems(schema);
    };
    const stopTabs = followTabs(editor, publishSchemaProblems);
    // apply markers belong to the tab that was applied, which is the one shown
    const unsubProblems = useAppStore.subscribe((s, prev) => {
      const model = editor.getModel();
      if (s.problems !== prev.problems && model) monaco.editor.setModelMarkers(model, applyOwner, toMarkers(s.problems, model));
      if (s.largeText !== prev.largeText) editor.updateOptions({ fontSize: s.largeText ? largeFontSize : 13 });
    });
    const markerSub = monaco.editor.onDidChangeMarkers((uris) => {
      const model = editor.getModel();
      if (!model || !uris.some((u) => u.toString() === model.uri.toString())) return;
      publishSchemaProblems(model);
    });
    handleRef.current = {
      reveal(line, column) {
        editor.revealLineInCenter(line);
        editor.setPosition({ lineNumber: line, column });
        editor.focus();
      },
    };
    return () => {
      stopTabs();
      markerSub.dispose();
      unsubProblems();
      editor.dispose();
      handleRef.current = undefined;
    };
  }, [handleRef]);
  useEffect(() => {
    monaco.editor.setTheme(monacoTheme(dark));
  }, [dark]);
  // `nokey`: React Flow's key handlers (Space pans the canvas) leave keys typed in here alone
  return <div ref={host} className="monaco-host nokey" />;
}
