/** A read-only view of the engine's object as YAML, fetched from the worker when it changes. */
import { useEffect, useState } from 'react';
import { send } from '../../state/simulation';
import { testIds } from '../../testids';
import { parseSelection } from './selection';
import { useT } from '../../i18n/languageStore';
import { ScrollablePre } from '../../components/ScrollablePre';


export function ObjectYaml({ id, resourceVersion }: { id: string; resourceVersion: string | undefined }) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const t = useT();
  useEffect(() => {
    if (!open || !resourceVersion) return;
    const ref = parseSelection(id);
    if (!ref) return;
    let live = true;
    void send({ type: 'objectYaml', kind: ref.kind, namespace: ref.namespace, name: ref.name }).then((r) => {
      if (live && r.ok && r.value?.kind === 'text') setText(r.value.text);
    });
    return () => {
      live = false;
    };
  }, [id, resourceVersion, open]);
  return (
    <details className="object-yaml" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{t('inspector.yaml')}</summary>
      <ScrollablePre data-testid={testIds.objectYaml}>{text}</ScrollablePre>
    </details>
  );
}
