import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import type { OutboxEntry } from './timeline-rows.ts';

// Replies sent optimistically and not yet confirmed, per conversation. They outlive the view (an
// agent may switch conversations while one is in flight) but belong to one query client, like the
// data they will be reconciled with.

const EMPTY: readonly OutboxEntry[] = [];

class OutboxStore {
  private entries = new Map<string, readonly OutboxEntry[]>();
  private listeners = new Set<() => void>();

  get(conversationId: string): readonly OutboxEntry[] {
    return this.entries.get(conversationId) ?? EMPTY;
  }

  /** Adds the entry, or replaces the one with its client id (keeping its place). */
  put(conversationId: string, entry: OutboxEntry): void {
    const list = this.get(conversationId);
    const index = list.findIndex((e) => e.clientId === entry.clientId);
    this.set(conversationId, index < 0 ? [...list, entry] : list.map((e, i) => (i === index ? entry : e)));
  }

  remove(conversationId: string, clientId: string): void {
    const list = this.get(conversationId);
    if (list.some((e) => e.clientId === clientId)) {
      this.set(
        conversationId,
        list.filter((e) => e.clientId !== clientId),
      );
    }
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(conversationId: string, list: readonly OutboxEntry[]): void {
    if (list.length) this.entries.set(conversationId, list);
    else this.entries.delete(conversationId);
    for (const listener of this.listeners) listener();
  }
}

const stores = new WeakMap<QueryClient, OutboxStore>();

export function outboxFor(queryClient: QueryClient): OutboxStore {
  let store = stores.get(queryClient);
  if (!store) {
    store = new OutboxStore();
    stores.set(queryClient, store);
  }
  return store;
}

/** The conversation's unconfirmed replies, oldest first. */
export function useOutbox(conversationId: string): readonly OutboxEntry[] {
  const store = outboxFor(useQueryClient());
  const snapshot = useCallback(() => store.get(conversationId), [store, conversationId]);
  return useSyncExternalStore(store.subscribe, snapshot);
}
