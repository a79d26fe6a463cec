import type { Events, TxScope } from './types.ts';

/**
 * Events whose `transact` joins the already open transaction `scope` instead of opening its own,
 * so one request can compose several domain services (each with its rules, change log and
 * events) and have them commit, or fail, together.
 */
export function joinTransaction(events: Events, scope: TxScope): Events {
  return { ...events, transact: (fn) => fn(scope) };
}
