import { createContext, useContext } from 'react';
import type { ToolOutput } from '../api/tool-types.ts';

export type Me = ToolOutput<'whoami'>;

export const MeContext = createContext<Me | null>(null);

/** Who is signed in, in which organisation (time zone, base currency); known before any page renders. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe needs the signed-in shell');
  return me;
}
