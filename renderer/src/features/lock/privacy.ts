/** The lock's state for the whole window: loaded once, refreshed after lock / unlock and by the idle watch. */
import { createContext, useContext } from 'react';
import type { PrivacyState } from '../../../../preload/contract/index';

export interface PrivacyContextValue {
  state: PrivacyState | null;
  reload: () => Promise<void>;
  set: (s: PrivacyState) => void;
}

export const PrivacyContext = createContext<PrivacyContextValue>({ state: null, reload: async () => {}, set: () => {} });

export function usePrivacy() {
  return useContext(PrivacyContext);
}
