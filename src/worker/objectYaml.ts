/** An object as YAML for the editor (`kubectl get -o yaml` shape: keys sorted, no managedFields). */
import { stringify } from 'yaml';

export function objectYaml(obj: unknown): string {
  const copy = JSON.parse(JSON.stringify(obj)) as { metadata?: { managedFields?: unknown } };
  if (copy.metadata) delete copy.metadata.managedFields;
  return stringify(copy, { sortMapEntries: true, indentSeq: false, lineWidth: 0 });
}
