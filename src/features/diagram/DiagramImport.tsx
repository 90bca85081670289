/**
 * The Import tab: paste (or type) a topology sketch in Mermaid, see what cluster it makes and what could not be
 * mapped, with Mermaid's drawing of it, then apply: the manifests go to the editor and through the usual apply.
 */
import { useMemo, useState } from 'react';
import { type DiagramImport as Plan, importDiagram } from '../../diagram/diagramImport';
import { formatFlowchart } from '../../diagram/flowchartFormat';
import { FlowchartError, parseFlowchart } from '../../diagram/flowchartParser';
import { seedDiagramOneLine } from '../../diagram/seedDiagram';
import { useLang, useT } from '../../i18n/languageStore';
import { richText } from '../../i18n/richText';
import { type MessageKey, type Translate, translate } from '../../i18n/translate';
import { testIds } from '../../testids';
import { applyImported, clusterNodes } from './diagramActions';
import { MermaidPreview } from './MermaidPreview';

type Reading = { ok: true; plan: Plan; normalized: string } | { ok: false; error: string };

function read(text: string, t: Translate): Reading | undefined {
  if (!text.trim()) return undefined;
  try {
    const chart = parseFlowchart(text);
    return { ok: true, plan: importDiagram(chart, clusterNodes(), t), normalized: formatFlowchart(chart) };
  } catch (e) {
    if (e instanceof FlowchartError) {
      const reason = t(`diagram.flowchart.${e.code}` as MessageKey, e.values);
      return { ok: false, error: t('diagram.parseError', { line: e.line, col: e.col, reason }) };
    }
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

function summary(plan: Plan, t: Translate): string {
  const backends = new Map<string, number>();
  for (const p of plan.pods) if (p.role === 'backend') backends.set(p.image, (backends.get(p.image) ?? 0) + 1);
  const clients = plan.pods.filter((p) => p.role === 'client').length;
  const n = (count: number, what: 'node' | 'imagePod' | 'service' | 'clientPod', image = '') => t(`diagram.count.${what}.${count === 1 ? 'one' : 'other'}` as MessageKey, { count, image });
  return [n(plan.nodes.length, 'node'), ...[...backends].map(([image, k]) => n(k, 'imagePod', image)), n(plan.services.length, 'service'), n(clients, 'clientPod')].join(' · ');
}

export function DiagramImport({ dark, onApplied }: { dark: boolean; onApplied(): void }) {
  const [text, setText] = useState('');
  const [applying, setApplying] = useState(false);
  const t = useT();
  const lang = useLang();
  const reading = useMemo(() => read(text, (key, params) => translate(lang, key, params)), [text, lang]);
  return (
    <div className="diagram-import">
      <p>{richText(t('diagram.importIntro'))}</p>
      <textarea
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-label={t('diagram.importLabel')}
        data-testid={testIds.diagramImportText}
        rows={8}
        spellCheck={false}
        placeholder="graph TD subgraph Kubernetes Cluster A[Service] --> N1[Nginx] …"
      />
      <div className="panel-controls">
        <button type="button" onClick={() => setText(seedDiagramOneLine)} data-testid={testIds.diagramSeedExample}>
          {t('diagram.useSeed')}
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
          {t('diagram.importApply')}
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
            <strong>{summary(reading.plan, t)}</strong>
          </p>
          <ul className="diagram-mapping">
            {reading.plan.nodes.map((n) => (
              <li key={n.subgraph}>
                {richText(t('diagram.mapNode'), { subgraph: <q>{n.subgraph}</q>, node: <span className="mono">{n.node}</span> })}
              </li>
            ))}
            {reading.plan.services.map((s) => (
              <li key={s.name}>
                {richText(t('diagram.mapService'), {
                  name: <span className="mono">{s.name}</span>,
                  selector: <span className="mono">{Object.entries(s.selector).map(([k, v]) => `${k}=${v}`)}</span>,
                  count: s.backends.length,
                })}
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
              <p className="muted">{t('diagram.allMapped')}</p>
            ) : (
              <>
                <p>{richText(t('diagram.unmappedLeftOut'), { title: <strong>{t('diagram.unmappedTitle')}</strong> })}</p>
                <ul>
                  {reading.plan.unmapped.map((u) => (
                    <li key={u}>{u}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
          <MermaidPreview text={reading.normalized} dark={dark} label={t('diagram.importPreviewLabel')} />
        </div>
      )}
    </div>
  );
}
