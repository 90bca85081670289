/** The Inspector tab: the panel for whatever is selected on the canvas. */
import { useAppStore } from '../../state/store';
import type { AppState } from '../../state/store';
import { DeploymentInspector } from './DeploymentInspector';
import { NodeInspector } from './NodeInspector';
import { PodInspector } from './PodInspector';
import { ServiceInspector } from './ServiceInspector';
import { parseSelection } from './selection';

const selectSelected = (s: AppState) => s.selected;
const selectObjects = (s: AppState) => s.mirror.objects;

export function Inspector() {
  const selected = useAppStore(selectSelected);
  const objects = useAppStore(selectObjects);
  if (!selected) return <div className="inspector-empty">Select a pod, a Service, a node or a Deployment badge on the canvas.</div>;
  const ref = parseSelection(selected);
  const obj = ref ? objects[ref.mirrorKey] : undefined;
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
