/** The three resizable regions: editor | canvas | dock. Sizes are remembered across reloads. */
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import { Dock } from '../features/dock/Dock';
import { EditorPanel } from '../features/editor/EditorPanel';
import { TopologyCanvas } from '../features/topology/TopologyCanvas';

export function Workbench({ dark }: { dark: boolean }) {
  const { defaultLayout, onLayoutChanged } = useDefaultLayout({ id: 'svcsim-workbench', storage: localStorage });
  return (
    <Group orientation="horizontal" className="workbench" defaultLayout={defaultLayout} onLayoutChanged={onLayoutChanged}>
      <Panel id="editor" defaultSize="26%" minSize="16%" collapsible>
        <EditorPanel dark={dark} />
      </Panel>
      <Separator className="resize-handle" />
      <Panel id="canvas" defaultSize="50%" minSize="25%">
        <TopologyCanvas />
      </Panel>
      <Separator className="resize-handle" />
      <Panel id="dock" defaultSize="24%" minSize="16%" collapsible>
        <Dock />
      </Panel>
    </Group>
  );
}
