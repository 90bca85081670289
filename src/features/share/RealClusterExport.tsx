/** "Export for a real cluster": asks the worker for kind.yaml and manifests.yaml and downloads them as one zip. */
import { useState } from 'react';
import { useT } from '../../i18n/languageStore';
import { send } from '../../state/simulation';
import { testIds } from '../../testids';

export function RealClusterExport({ fileName }: { fileName: string }) {
  const t = useT();
  const [status, setStatus] = useState<string | undefined>();
  const exportFiles = async () => {
    const r = await send({ type: 'realCluster' });
    if (!r.ok || r.value?.kind !== 'realCluster') {
      setStatus(t('share.realClusterFailed', { reason: (r.ok ? undefined : r.error) ?? t('share.realClusterNoFiles') }));
      return;
    }
    // the zip writer (fflate) is fetched when asked for, not with the page: the first graph does not need it
    const { realClusterZip } = await import('./realClusterZip');
    const zip = realClusterZip(r.value);
    const url = URL.createObjectURL(new Blob([zip as BlobPart], { type: 'application/zip' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
    setStatus(t(r.value.objects === 1 ? 'share.realClusterSaved.one' : 'share.realClusterSaved.other', { file: fileName, count: r.value.objects }));
  };
  return (
    <>
      <button type="button" data-testid={testIds.shareRealCluster} title={t('share.realClusterTitle')} onClick={() => void exportFiles()}>
        {t('share.realCluster')}
      </button>
      {status && (
        <span className="share-note" role="status">
          {status}
        </span>
      )}
    </>
  );
}
