/** The Inspector tab: the panel for whatever is selected on the canvas. */
import { useCallback } from 'react';
import { useAppStore } from '../../state/store';
import type { AppState } from '../../state/store';
import { DeploymentInspector } from './DeploymentInspector';
import { NodeInspector } from './NodeInspector';
import { PodInspector } from './PodInspector';
import { ServiceInspector } from './ServiceInspector';
import { StatefulSetInspector } from './StatefulSetInspector';
import { parseSelection } from './selection';
import { useT } from '../../i18n/languageStore';

const selectSelected = (s: AppState) => s.selected;

export function Inspector() {
  const selected = useAppStore(selectSelected);
  const t = useT();
  const ref = selected ? parseSelection(selected) : undefined;
  const key = ref?.mirrorKey;
  // the selected object itself: a new object exactly when it changed, so other diffs do not re-render the panel
  const obj = useAppStore(useCallback((s: AppState) => (key ? s.mirror.objects.get(key) : undefined), [key]));
  if (!selected) return <div className="inspector-empty">{t('inspector.empty')}</div>;
  if (!ref || !obj) return <div className="inspector-empty">{t('inspector.gone', { name: ref?.name ?? selected })}</div>;

  switch (ref.type) {
    case 'pod':
      return <PodInspector id={selected} ref={ref} obj={obj} />;
    case 'svc':
      return <ServiceInspector id={selected} ref={ref} obj={obj} />;
    case 'deploy':
      return <DeploymentInspector id={selected} ref={ref} obj={obj} />;
    case 'sts':
      return <StatefulSetInspector id={selected} ref={ref} obj={obj} />;
    case 'node':
      return <NodeInspector ref={ref} obj={obj} />;
  }
}
