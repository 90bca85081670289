/** The top bar's Share button and its dialog: the app makes the link (it owns the codec) and hands it to the feature. */
import { useState } from 'react';
import { openScenario } from '../features/scenarios/scenarioActions';
import { useScenarioStore } from '../features/scenarios/scenarioStore';
import { ShareDialog } from '../features/share/ShareDialog';
import { testIds } from '../testids';
import { currentShareLink } from './route';
import { useSession } from './useSession';
import { useT } from '../i18n/languageStore';

export function ShareButton() {
  const session = useSession();
  const [link, setLink] = useState<string | undefined>();
  const open = useScenarioStore((s) => s.open);
  const t = useT();
  return (
    <>
      <button type="button" data-testid={testIds.shareButton} title={t('topbar.shareTitle')} onClick={() => void currentShareLink(session?.entries() ?? []).then(setLink)}>
        {t('topbar.share')}

      </button>
      {link && (
        <ShareDialog
          link={link}
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
