/** The actions every object's inspector ends with: delete (graceful), edit its live YAML, and the YAML itself. */
import { testIds } from '../../testids';
import { ObjectYaml } from './ObjectYaml';
import { deleteSelected, editObject } from './selectionActions';
import { useT } from '../../i18n/languageStore';

export function ObjectActions({ id, resourceVersion }: { id: string; resourceVersion: string | undefined }) {
  const t = useT();
  return (
    <>
      <div className="actions">
        <button type="button" onClick={() => void deleteSelected(id)}>
          {t('inspector.delete')}
        </button>
        <button type="button" data-testid={testIds.editObject} onClick={() => void editObject(id)}>
          {t('inspector.edit')}

        </button>
      </div>
      <ObjectYaml id={id} resourceVersion={resourceVersion} />
    </>
  );
}
