import { createContext, useContext } from 'react';

/** Accounts holding a role in the community, so an attendee can be linked to the person who confirms the minutes. */
export interface LinkableAccount {
  userId: string;
  label: string;
}

export const AccountsContext = createContext<LinkableAccount[]>([]);
export const useLinkableAccounts = () => useContext(AccountsContext);
