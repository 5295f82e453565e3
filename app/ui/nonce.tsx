// The CSP nonce reaches the scripts Remix inlines through React context, on the server only:
// it is never part of loader data, so the browser's copy of the page cannot leak it.
import { createContext, useContext } from 'react';

const NonceContext = createContext<string | undefined>(undefined);

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
