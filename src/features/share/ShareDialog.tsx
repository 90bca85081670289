/**
 * "Share": the link that reproduces this cluster and step (copy it, or scan its QR code in a workshop room), and the
 * scenario as a `.svcsim.yaml` file to export or import when a link would be too long. The link itself is made
 * by the app (the codec lives outside the features) and handed in.
 */
import { useEffect, useRef, useState } from 'react';
import { testIds } from '../../testids';
import { QrCode } from './QrCode';
import { RealClusterExport } from './RealClusterExport';
import { useT } from '../../i18n/languageStore';

export interface ShareDialogProps {
  link: string;
  /** The open scenario's text and file name, when a scenario is open. */
  scenarioFile?: { name: string; text: string };
  /** The `<iframe>` snippet for a slide (embedCode.ts). */
  embedCode?: string;
  onImport(text: string, fileName: string): void;
  onClose(): void;
}

export function ShareDialog({ link, scenarioFile, embedCode, onImport, onClose }: ShareDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [copied, setCopied] = useState<string | undefined>();
  const t = useT();
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  const copy = async (text = link, what = t('share.copied')) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(what);
    } catch {
      setCopied(t('share.copyDenied'));
    }
  };
  const download = () => {
    if (!scenarioFile) return;
    const url = URL.createObjectURL(new Blob([scenarioFile.text], { type: 'application/yaml' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = scenarioFile.name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <dialog ref={dialog} className="share-dialog" data-testid={testIds.shareDialog} aria-labelledby="share-heading" onClose={onClose}>
      <h2 id="share-heading">{t('share.title')}</h2>
      <p>{t('share.intro')}</p>
      <div className="share-link-row">
        <input readOnly value={link} aria-label={t('share.linkLabel')} data-testid={testIds.shareLink} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" data-testid={testIds.shareCopy} onClick={() => void copy()}>
          {t('share.copy')}
        </button>
      </div>
      <p className="share-note" role="status">
        {copied ?? t('share.length', { count: link.length.toLocaleString('en') })}
      </p>
      <QrCode text={link} />
      {embedCode && (
        <div className="share-link-row">
          <textarea readOnly rows={3} value={embedCode} aria-label={t('share.embedLabel')} data-testid={testIds.shareEmbedCode} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" data-testid={testIds.shareCopyEmbed} onClick={() => void copy(embedCode, t('share.embedCopied'))}>
            {t('share.copyEmbed')}
          </button>
        </div>
      )}
      <div className="share-files">
        {scenarioFile ? (
          <button type="button" data-testid={testIds.shareExport} onClick={download}>
            {t('share.exportFile', { name: scenarioFile.name })}
          </button>
        ) : (
          <span className="share-note">{t('share.noScenario')}</span>
        )}
        <label className="topbar-file">
          {t('share.importFile')}
          <input
            type="file"
            accept=".yaml,.yml,application/yaml,text/yaml"
            className="sr-only"
            data-testid={testIds.shareImportFile}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) void file.text().then((text) => onImport(text, file.name));
            }}
          />
        </label>
        <RealClusterExport fileName={`${scenarioFile ? scenarioFile.name.replace(/\.svcsim\.yaml$/, '') : 'svcsim'}-kind.zip`} />
      </div>
      <button type="button" data-testid={testIds.shareClose} onClick={() => dialog.current?.close()}>
        {t('common.close')}

      </button>
    </dialog>
  );
}
