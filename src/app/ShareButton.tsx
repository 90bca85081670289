/** The top bar's Share button and its dialog: the app makes the link (it owns the codec) and hands it to the feature. */
import { useState } from 'react';
import { openScenario } from '../features/scenarios/scenarioActions';
import { useScenarioStore } from '../features/scenarios/scenarioStore';
import { ShareDialog } from '../features/share/ShareDialog';
import { embedCode } from '../features/share/embedCode';
import { pick } from '../features/scenarios/scenarioStore';
import { testIds } from '../testids';
import { currentShareLinks } from './route';
import { useSession } from './useSession';
import { useLanguageStore, useT } from '../i18n/languageStore';

export function ShareButton() {
  const session = useSession();
  const [links, setLinks] = useState<{ link: string; embedLink: string } | undefined>();
  const link = links?.link;
  const open = useScenarioStore((s) => s.open);
  const snippet = () => {
    const { progress } = useScenarioStore.getState();
    const { lang } = useLanguageStore.getState();
    const page = new URL('embed.html', window.location.href).href;
    if (open?.builtin && progress) return embedCode(page, { scenario: open.name, step: progress.step + 1, title: pick(open.title, lang) });
    return links ? embedCode(page, { fragment: new URL(links.embedLink).hash, title: open ? pick(open.title, lang) : t('share.embedTitle') }) : undefined;
  };
  const t = useT();
  return (
    <>
      <button type="button" data-testid={testIds.shareButton} title={t('topbar.shareTitle')} onClick={() => void currentShareLinks(session?.entries() ?? []).then(setLinks)}>
        {t('topbar.share')}

      </button>
      {link && (
        <ShareDialog
          link={link}
          embedCode={snippet()}
          scenarioFile={open ? { name: `${open.name}.svcsim.yaml`, text: open.text } : undefined}
          onImport={(text) => {
            setLinks(undefined);
            void openScenario({ text });
          }}
          onClose={() => setLinks(undefined)}
        />
      )}
    </>
  );
}
