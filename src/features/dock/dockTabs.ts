/**
 * The docks' tabs, registered as objects: the side dock (details about what is selected, the cluster's log) and
 * the bottom dock under the canvas (wide panels: terminals now; rules, DNS and traffic later). Later features
 * add theirs here.
 */
import type { ComponentType } from 'react';
import type { DockTab } from '../../state/uiSlice';
import { EventsPanel } from '../events/EventsPanel';
import { Inspector } from '../inspector/Inspector';
import { TerminalPanel } from '../terminal/TerminalPanel';
import { RulesPanel } from '../rules/RulesPanel';
import { TrafficPanel } from '../traffic/TrafficPanel';
import { DnsPanel } from '../dns/DnsPanel';
import type { MessageKey } from '../../i18n/translate';

export interface DockTabDef {
  id: DockTab;
  /** A message key, or text shown as it is (an address such as `localhost:48858`). */
  label: MessageKey | { text: string };
  Panel: ComponentType;
  /**
   * Whether the panel keeps running while another tab is shown: a terminal must (its session and a running
   * `kubectl get -w` go on). The others are paused: hidden, they neither re-render on cluster changes nor ask
   * the worker for anything, and they catch up when shown (their state is kept).
   */
  runsWhileHidden?: boolean;
}

export const dockTabs: readonly DockTabDef[] = [
  { id: 'inspector', label: 'panels.inspector', Panel: Inspector },
  { id: 'events', label: 'panels.events', Panel: EventsPanel },
];

/** Under the canvas, as wide as it: kubectl's tables need the columns. */
export const bottomDockTabs: readonly DockTabDef[] = [
  { id: 'terminal', label: 'panels.terminal', Panel: TerminalPanel, runsWhileHidden: true },
  { id: 'rules', label: 'panels.rules', Panel: RulesPanel },
  { id: 'traffic', label: 'panels.traffic', Panel: TrafficPanel },
  { id: 'dns', label: 'panels.dns', Panel: DnsPanel },
];
