/** "Export for a real cluster": asks the worker for kind.yaml and manifests.yaml and downloads them as one zip. */
import { useState } from 'react';
import { send } from '../../state/simulation';
import { testIds } from '../../testids';
import { realClusterZip } from './realClusterZip';

export function RealClusterExport({ fileName }: { fileName: string }) {
  const [status, setStatus] = useState<string | undefined>();
  const exportFiles = async () => {
    const r = await send({ type: 'realCluster' });
    if (!r.ok || r.value?.kind !== 'realCluster') {
      setStatus(`Could not export: ${r.ok ? 'the simulation gave no files' : r.error}`);
      return;
    }
    const zip = realClusterZip(r.value);
    const url = URL.createObjectURL(new Blob([zip as BlobPart], { type: 'application/zip' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
    setStatus(`${fileName}: kind.yaml and manifests.yaml (${r.value.objects} object${r.value.objects === 1 ? '' : 's'}). kind create cluster --config kind.yaml, then kubectl apply -f manifests.yaml.`);
  };
  return (
    <>
      <button type="button" data-testid={testIds.shareRealCluster} title="kind.yaml and manifests.yaml, to reproduce this cluster with kind and kubectl" onClick={() => void exportFiles()}>
        Export for a real cluster
      </button>
      {status && (
        <span className="share-note" role="status">
          {status}
        </span>
      )}
    </>
  );
}
