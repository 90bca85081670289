/**
 * What the Diagram dialog reads from and writes to the app: the mirrored cluster as diagram input, the nodes an
 * import may use, the canvas as an image, and an import's manifests handed to the editor and applied like any
 * other text (so a bad import shows its errors in the problems list and replaces nothing).
 */
import { elementImage, download, type ImageFormat } from '../../adapters/canvasImage';
import type { ClusterNodes } from '../../diagram/diagramImport';
import type { DiagramInput } from '../../diagram/clusterDiagram';
import { t } from '../../i18n/languageStore';
import { useAppStore } from '../../state/store';
import { testIds } from '../../testids';
import { applyEditor } from '../editor/applyEditor';

export function clusterDiagramInput(): DiagramInput {
  const objects = useAppStore.getState().mirror.objects;
  const all = (kind: string) => [...objects.ofKind(kind).values()];
  return { nodes: all('Node'), pods: all('Pod'), services: all('Service'), endpointSlices: all('EndpointSlice') };
}

/** The cluster's nodes; workers are the ones without kind's control-plane role label. */
export function clusterNodes(): ClusterNodes {
  const nodes = [...useAppStore.getState().mirror.objects.ofKind('Node').values()].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  const isControlPlane = (labels: Record<string, string> | undefined) => labels !== undefined && 'node-role.kubernetes.io/control-plane' in labels;
  return { all: nodes.map((n) => n.metadata.name), workers: nodes.filter((n) => !isControlPlane(n.metadata.labels)).map((n) => n.metadata.name) };
}

/**
 * Opens the manifests in an editor tab of their own and applies that tab: the manifests tab keeps what was typed
 * there (and is not applied again), and the results land in the problems list like any apply. Returns false when
 * a tab of the same object holds edits not applied yet (they are never overwritten).
 */
export async function applyImported(manifests: string): Promise<boolean> {
  const text = `# Imported from a Mermaid diagram\n${manifests}`;
  useAppStore.getState().openObjectTab(text);
  const s = useAppStore.getState();
  const tab = s.objectTabs.find((x) => x.id === s.activeTab);
  if (tab?.text !== text) {
    s.setNotice(t('diagram.editorDirty', { tab: tab?.title ?? '' }), 'error');
    return false;
  }
  await applyEditor();
  return true;
}

/** `svcsim-topology-2026-01-05T09-00-00Z`: the virtual time the picture shows. */
function fileStem(): string {
  const t = useAppStore.getState().mirror.time;
  return `svcsim-topology${t ? `-${new Date(t).toISOString().slice(0, 19).replace(/:/g, '-')}Z` : ''}`;
}

/** Downloads the topology canvas as it is on screen (without the zoom buttons and minimap). */
export async function downloadCanvas(format: ImageFormat): Promise<string> {
  const root = document.querySelector<HTMLElement>(`[data-testid="${testIds.topology}"]`);
  const flow = root?.querySelector<HTMLElement>('.react-flow') ?? root;
  if (!flow) throw new Error(t('diagram.noCanvas'));
  const background = getComputedStyle(flow).getPropertyValue('--bg').trim() || getComputedStyle(document.body).backgroundColor || '#ffffff';
  const url = await elementImage(flow, format, {
    background,
    keep: (el) => !el.classList.contains('react-flow__controls') && !el.classList.contains('react-flow__minimap') && !el.classList.contains('react-flow__attribution'),
  });
  const name = `${fileStem()}.${format}`;
  download(url, name);
  return name;
}
