/**
 * The Monaco editor itself (lazy chunk). The text lives in the store; markers from applying (YAML syntax and
 * apiserver errors) are set here, schema markers come from monaco-yaml and flow back into the problems list.
 */
import { useEffect, useRef } from 'react';
import { manifestUri, monaco } from '../../adapters/monaco';
import { monacoTheme } from '../../adapters/monacoThemes';
import type { EditorProblem } from '../../state/editorSlice';
import { useAppStore } from '../../state/store';
import { applyEditor } from './applyEditor';

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

/** The editor's font size with Large text on (13 px × 1.25, as the rest of the UI). */
const largeFontSize = 16;

export default function MonacoEditor({ handleRef, dark }: { handleRef: { current: EditorHandle | undefined }; dark: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const model = monaco.editor.getModel(manifestUri) ?? monaco.editor.createModel(useAppStore.getState().editorText, 'yaml', manifestUri);
    const editor = monaco.editor.create(host.current, {
      model,
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
    });
    editor.addAction({
      id: 'svcsim.apply',
      label: 'Apply manifests (kubectl apply)',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => void applyEditor(),
    });
    const sub = model.onDidChangeContent(() => useAppStore.getState().setEditorText(model.getValue()));
    // Text set from outside (Edit object, scenario steps) flows into the model.
    const unsubText = useAppStore.subscribe((s, prev) => {
      if (s.editorText !== prev.editorText && s.editorText !== model.getValue()) model.setValue(s.editorText);
      if (s.largeText !== prev.largeText) editor.updateOptions({ fontSize: s.largeText ? largeFontSize : 13 });
      if (s.problems !== prev.problems) monaco.editor.setModelMarkers(model, applyOwner, toMarkers(s.problems, model));
    });
    const markerSub = monaco.editor.onDidChangeMarkers((uris) => {
      if (!uris.some((u) => u.toString() === manifestUri.toString())) return;
      const schema = monaco.editor
        .getModelMarkers({ resource: manifestUri })
        .filter((m) => m.owner !== applyOwner)
        .map(
          (m): EditorProblem => ({
            severity: m.severity === monaco.MarkerSeverity.Error ? 'error' : 'warning',
            message: m.message,
            line: m.startLineNumber,
            column: m.startColumn,
            source: 'schema',
          }),
        );
      useAppStore.getState().setSchemaProblems(schema);
    });
    handleRef.current = {
      reveal(line, column) {
        editor.revealLineInCenter(line);
        editor.setPosition({ lineNumber: line, column });
        editor.focus();
      },
    };
    return () => {
      sub.dispose();
      markerSub.dispose();
      unsubText();
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
