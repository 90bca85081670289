/**
 * The Import tab: paste (or type) a topology sketch in Mermaid, see what cluster it makes and what could not be
 * mapped, with Mermaid's drawing of it, then apply: the manifests go to the editor and through the usual apply.
 */
import { useMemo, useState } from 'react';
import { type DiagramImport as Plan, importDiagram } from '../../diagram/diagramImport';
import { formatFlowchart } from '../../diagram/flowchartFormat';
import { FlowchartError, parseFlowchart } from '../../diagram/flowchartParser';
import { seedDiagramOneLine } from '../../diagram/seedDiagram';
import { testIds } from '../../testids';
import { applyImported, clusterNodes } from './diagramActions';
import { MermaidPreview } from './MermaidPreview';

type Reading = { ok: true; plan: Plan; normalized: string } | { ok: false; error: string };

function read(text: string): Reading | undefined {
  if (!text.trim()) return undefined;
  try {
    const chart = parseFlowchart(text);
    return { ok: true, plan: importDiagram(chart, clusterNodes()), normalized: formatFlowchart(chart) };
  } catch (e) {
    if (e instanceof FlowchartError) return { ok: false, error: `Line ${e.line}, column ${e.col}: ${e.reason}.` };
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

function summary(plan: Plan): string {
  const backends = new Map<string, number>();
  for (const p of plan.pods) if (p.role === 'backend') backends.set(p.image, (backends.get(p.image) ?? 0) + 1);
  const clients = plan.pods.filter((p) => p.role === 'client').length;
  const n = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;
  return [n(plan.nodes.length, 'node'), ...[...backends].map(([image, k]) => `${n(k, `${image} pod`)}`), n(plan.services.length, 'Service'), n(clients, 'client pod')].join(' · ');
}

export function DiagramImport({ dark, onApplied }: { dark: boolean; onApplied(): void }) {
  const [text, setText] = useState('');
  const [applying, setApplying] = useState(false);
  const reading = useMemo(() => read(text), [text]);
  return (
    <div className="diagram-import">
      <p>
        Paste a <code>graph TD</code> sketch: subgraphs become nodes, the box with <code>Endpoints</code> links a Service, the boxes it points at pods of the image they name, other boxes client
        pods. The seed note prints its diagram on one line: that works too.
      </p>
      <textarea
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-label="Mermaid diagram to import"
        data-testid={testIds.diagramImportText}
        rows={8}
        spellCheck={false}
        placeholder="graph TD subgraph Kubernetes Cluster A[Service] --> N1[Nginx] …"
      />
      <div className="panel-controls">
        <button type="button" onClick={() => setText(seedDiagramOneLine)} data-testid={testIds.diagramSeedExample}>
          Use the seed note’s diagram
        </button>
        <button
          type="button"
          className="primary"
          disabled={!reading?.ok || applying}
          data-testid={testIds.diagramImportApply}
          onClick={() => {
            if (!reading?.ok) return;
            setApplying(true);
            void applyImported(reading.plan.manifests).then((applied) => {
              setApplying(false);
              if (applied) onApplied();
            });
          }}
        >
          Open in the editor and apply
        </button>
      </div>
      {reading && !reading.ok && (
        <p className="notice-warning" role="alert" data-testid={testIds.diagramImportSummary}>
          {reading.error}
        </p>
      )}
      {reading?.ok && (
        <div className="diagram-import-result">
          <p role="status" data-testid={testIds.diagramImportSummary}>
            <strong>{summary(reading.plan)}</strong>
          </p>
          <ul className="diagram-mapping">
            {reading.plan.nodes.map((n) => (
              <li key={n.subgraph}>
                subgraph <q>{n.subgraph}</q> → node <span className="mono">{n.node}</span>
              </li>
            ))}
            {reading.plan.services.map((s) => (
              <li key={s.name}>
                Service <span className="mono">{s.name}</span> selects <span className="mono">{Object.entries(s.selector).map(([k, v]) => `${k}=${v}`)}</span> ({s.backends.length} pods)
              </li>
            ))}
            {reading.plan.notes.map((n) => (
              <li key={n} className="muted">
                {n}
              </li>
            ))}
          </ul>
          <div data-testid={testIds.diagramImportUnmapped}>
            {reading.plan.unmapped.length === 0 ? (
              <p className="muted">Everything in the diagram was mapped.</p>
            ) : (
              <>
                <p>
                  <strong>Could not be mapped</strong> (left out):
                </p>
                <ul>
                  {reading.plan.unmapped.map((u) => (
                    <li key={u}>{u}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
          <MermaidPreview text={reading.normalized} dark={dark} label="The imported diagram, drawn by Mermaid" />
        </div>
      )}
    </div>
  );
}
