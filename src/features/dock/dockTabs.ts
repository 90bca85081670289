/** The dock's tabs, registered as objects: later features add theirs here (Terminal, Rules, DNS, Traffic, Scenario). */
import type { ComponentType } from 'react';
import type { DockTab } from '../../state/uiSlice';
import { EventsPanel } from '../events/EventsPanel';
import { Inspector } from '../inspector/Inspector';
import { TerminalPanel } from '../terminal/TerminalPanel';

export interface DockTabDef {
  id: DockTab;
  label: string;
  Panel: ComponentType;
}

export const dockTabs: readonly DockTabDef[] = [
  { id: 'inspector', label: 'Inspector', Panel: Inspector },
  { id: 'terminal', label: 'Terminal', Panel: TerminalPanel },
  { id: 'events', label: 'Events', Panel: EventsPanel },
];
