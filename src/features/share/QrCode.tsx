/** The QR code of a link, drawn from the module matrix as one SVG path; the QR library loads on first use. */
import { useEffect, useState } from 'react';
import { testIds } from '../../testids';
import { useT } from '../../i18n/languageStore';

/** QR codes hold at most 2,953 bytes (version 40, level L); a longer link gets a sentence instead. */
const maxQrBytes = 2953;

export function QrCode({ text }: { text: string }) {
  const [matrix, setMatrix] = useState<boolean[][] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const t = useT();
  const tooLong = new TextEncoder().encode(text).length > maxQrBytes;
  useEffect(() => {
    if (tooLong) return;
    let live = true;
    import('../../adapters/qrCode')
      .then(({ qrMatrix }) => {
        if (live) setMatrix(qrMatrix(text));
      })
      .catch((e: unknown) => live && setError(t('qr.failed', { message: (e as Error).message })));
    return () => {
      live = false;
    };
  }, [text, tooLong, t]);

  if (tooLong) return <p className="share-note">{t('qr.tooLong')}</p>;
  if (error) return <p className="share-note">{error}</p>;
  if (!matrix) return <p className="share-note">{t('qr.making')}</p>;
  const size = matrix.length;
  let d = '';
  matrix.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    });
  });
  return (
    <svg className="share-qr" data-testid={testIds.shareQr} viewBox={`0 0 ${size} ${size}`} width={Math.max(160, size * 4)} height={Math.max(160, size * 4)} role="img" aria-label={t('qr.label')}
 shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
