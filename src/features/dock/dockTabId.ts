/** The id of the dock tab a panel is rendered in: one panel component can serve several tabs (one per forwarded port). */
import { createContext } from 'react';
import type { DockTab } from '../../state/uiSlice';

export const DockTabIdContext = createContext<DockTab | undefined>(undefined);
