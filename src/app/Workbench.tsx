/**
 * The resizable regions: editor | canvas over the bottom dock (terminals) | side dock. Sizes are remembered
 * across reloads (where the browser allows storage: reading `localStorage` itself throws in a cross-site frame
 * with third-party storage blocked, hence the guarded view).
 */
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import { BottomDock, Dock } from '../features/dock/Dock';
import { EditorPanel } from '../features/editor/EditorPanel';
import { TopologyCanvas } from '../features/topology/TopologyCanvas';
import { guardedStorage } from '../state/persistence/storageAccess';
import { NarrowWorkbench } from './NarrowWorkbench';
import { useNarrow } from './useNarrow';

export function Workbench({ dark }: { dark: boolean }) {
  return useNarrow() ? <NarrowWorkbench dark={dark} /> : <Columns dark={dark} />;
}

function Columns({ dark }: { dark: boolean }) {
  const columns = useDefaultLayout({ id: 'svcsim-workbench', storage: guardedStorage });
  const center = useDefaultLayout({ id: 'svcsim-center', storage: guardedStorage });
  return (
    <Group orientation="horizontal" className="workbench" defaultLayout={columns.defaultLayout} onLayoutChanged={columns.onLayoutChanged}>
      <Panel id="editor" defaultSize="25%" minSize="200px" collapsible>
        <EditorPanel dark={dark} />
      </Panel>
      <Separator className="resize-handle" />
      <Panel id="center" defaultSize="53%" minSize="25%">
        <Group orientation="vertical" defaultLayout={center.defaultLayout} onLayoutChanged={center.onLayoutChanged}>
          <Panel id="canvas" defaultSize="66%" minSize="25%">
            <TopologyCanvas dark={dark} />
          </Panel>
          <Separator className="resize-handle resize-handle-h" />
          <Panel id="bottom" defaultSize="34%" minSize="12%" collapsible>
            <BottomDock />
          </Panel>
        </Group>
      </Panel>
      <Separator className="resize-handle" />
      <Panel id="dock" defaultSize="22%" minSize="300px" collapsible>
        <Dock />
      </Panel>
    </Group>
  );
}
