/** The top bar's Share button and its dialog: the app makes the link (it owns the codec) and hands it to the feature. */
import { useState } from 'react';
import { openScenario } from '../features/scenarios/scenarioActions';
import { useScenarioStore } from '../features/scenarios/scenarioStore';
import { ShareDialog } from '../features/share/ShareDialog';
import { embedCode } from '../features/share/embedCode';
import { pick } from '../features/scenarios/scenarioStore';
import { testIds } from '../testids';
import { currentShareLink } from './route';
import { useSession } from './useSession';
import { useLanguageStore, useT } from '../i18n/languageStore';

export function ShareButton() {
  const session = useSession();
  const [link, setLink] = useState<string | undefined>();
  const open = useScenarioStore((s) => s.open);
  const snippet = () => {
    const { progress } = useScenarioStore.getState();
    const { lang } = useLanguageStore.getState();
    const page = new URL('embed.html', window.location.href).href;
    if (open?.builtin && progress) return embedCode(page, { scenario: open.name, step: progress.step + 1, title: pick(open.title, lang) });
    return link ? embedCode(page, { fragment: new URL(link).hash, title: open ? pick(open.title, lang) : t('share.embedTitle') }) : undefined;
  };
  const t = useT();
  return (
    <>
      <button type="button" data-testid={testIds.shareButton} title={t('topbar.shareTitle')} onClick={() => void currentShareLink(session?.entries() ?? []).then(setLink)}>
        {t('topbar.share')}

      </button>
      {link && (
        <ShareDialog
          link={link}
          embedCode={snippet()}
          scenarioFile={open ? { name: `${open.name}.svcsim.yaml`, text: open.text } : undefined}
          onImport={(text) => {
            setLink(undefined);
            void openScenario({ text });
          }}
          onClose={() => setLink(undefined)}
        />
      )}
    </>
  );
}
