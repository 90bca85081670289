/** The Inspector tab: the panel for whatever is selected on the canvas. */
import { useCallback } from 'react';
import { useAppStore } from '../../state/store';
import type { AppState } from '../../state/store';
import { DeploymentInspector } from './DeploymentInspector';
import { NodeInspector } from './NodeInspector';
import { PodInspector } from './PodInspector';
import { ServiceInspector } from './ServiceInspector';
import { parseSelection } from './selection';

const selectSelected = (s: AppState) => s.selected;

export function Inspector() {
  const selected = useAppStore(selectSelected);
  const ref = selected ? parseSelection(selected) : undefined;
  const key = ref?.mirrorKey;
  // the selected object itself: a new object exactly when it changed, so other diffs do not re-render the panel
  const obj = useAppStore(useCallback((s: AppState) => (key ? s.mirror.objects.get(key) : undefined), [key]));
  if (!selected) return <div className="inspector-empty">Select a pod, a Service, a node or a Deployment badge on the canvas.</div>;
  if (!ref || !obj) return <div className="inspector-empty">{ref?.name ?? selected} no longer exists.</div>;
  switch (ref.type) {
    case 'pod':
      return <PodInspector id={selected} ref={ref} obj={obj} />;
    case 'svc':
      return <ServiceInspector id={selected} ref={ref} obj={obj} />;
    case 'deploy':
      return <DeploymentInspector id={selected} ref={ref} obj={obj} />;
    case 'node':
      return <NodeInspector ref={ref} obj={obj} />;
  }
}
