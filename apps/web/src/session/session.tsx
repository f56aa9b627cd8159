import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { authApi, registryApi, tokenStore, type LoginResult, type Me, type MyCommunity } from '../api';

const LAST_COMMUNITY_KEY = 'gongyi.lastCommunity';

export const lastCommunity = {
  get: (): string | null => localStorage.getItem(LAST_COMMUNITY_KEY),
  set: (id: string): void => localStorage.setItem(LAST_COMMUNITY_KEY, id),
};

interface SessionValue {
  /** Null when signed out. */
  me: Me | null;
  communities: MyCommunity[];
  /** True while the account is being loaded after a page load or sign-in. */
  loading: boolean;
  signIn: (result: LoginResult) => Promise<Me | null>;
  signOut: () => Promise<void>;
  /** Forgets the session locally (after a 401). */
  reset: () => void;
  refresh: () => Promise<Me | null>;
  refreshCommunities: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [communities, setCommunities] = useState<MyCommunity[]>([]);
  const [loading, setLoading] = useState<boolean>(() => tokenStore.get() !== null);

  const refreshCommunities = useCallback(async () => {
    setCommunities(await registryApi.communities());
  }, []);

  const refresh = useCallback(async (): Promise<Me | null> => {
    if (!tokenStore.get()) {
      setMe(null);
      setLoading(false);
      return null;
    }
    setLoading(true);
    try {
      const account = await authApi.me();
      // Until the one-time password is replaced there is nothing else to show.
      setCommunities(account.mustChangePassword ? [] : await registryApi.communities());
      setMe(account);
      return account;
    } catch {
      setMe(null);
      return null;
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value = useMemo<SessionValue>(
    () => ({
      me,
      communities,
      loading,
      refresh,
      refreshCommunities,
      signIn: async (result) => {
        tokenStore.set(result.token);
        return refresh();
      },
      signOut: async () => {
        try {
          await authApi.logout();
        } catch {
          // the token is forgotten locally either way
        }
        tokenStore.clear();
        setMe(null);
        setCommunities([]);
      },
      reset: () => {
        tokenStore.clear();
        setMe(null);
        setCommunities([]);
        setLoading(false);
      },
    }),
    [me, communities, loading, refresh, refreshCommunities],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
