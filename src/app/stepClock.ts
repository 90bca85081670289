/**
 * The Step button and its shortcut: pause (a step is for looking closely), then move virtual time to the next
 * change the canvas or a panel shows, at most an hour ahead; when nothing changes in that hour, say so.
 */
import { t } from '../i18n/languageStore';
import { send } from '../state/simulation';
import { useAppStore } from '../state/store';

const stepLimitMs = 3_600_000;

export async function stepToNextChange(): Promise<void> {
  const s = useAppStore.getState();
  if (s.playing) s.setClock(false);
  const reply = await send({ type: 'step', maxMs: stepLimitMs });
  if (reply.ok && reply.value?.kind === 'step' && !reply.value.changed) {
    useAppStore.getState().setNotice(t('notice.stepNothing'), 'info');

  }
}
