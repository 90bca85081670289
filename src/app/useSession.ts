/** The page's session, given to the app shell through React context by main.tsx (never imported as a singleton). */
import { createContext, useContext } from 'react';
import type { Session } from './session';

export const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session | undefined {
  return useContext(SessionContext);
}
