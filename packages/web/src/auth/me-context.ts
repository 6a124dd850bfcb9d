import { createContext, useContext } from 'react';
import type { Me } from '../api/types.ts';

/** Provided by the authenticated layout once /api/me has answered with a signed-in person. */
export const MeContext = createContext<Me | null>(null);

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe() must be used inside the authenticated layout');
  return me;
}
