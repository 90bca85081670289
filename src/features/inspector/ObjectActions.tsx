/** The actions every object's inspector ends with: delete (graceful), edit its live YAML, and the YAML itself. */
import { testIds } from '../../testids';
import { ObjectYaml } from './ObjectYaml';
import { deleteSelected, editObject } from './selectionActions';

export function ObjectActions({ id, resourceVersion }: { id: string; resourceVersion: string | undefined }) {
  return (
    <>
      <div className="actions">
        <button type="button" onClick={() => void deleteSelected(id)}>
          Delete
        </button>
        <button type="button" data-testid={testIds.editObject} onClick={() => void editObject(id)}>
          Edit object
        </button>
      </div>
      <ObjectYaml id={id} resourceVersion={resourceVersion} />
    </>
  );
}
