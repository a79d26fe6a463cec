import type { Visitor } from '@parley/contracts';
import type { OutboxEntry } from './chat-state.ts';

/** What the widget keeps in the visitor's localStorage, per widget id. */
export interface StoredChat {
  token: string;
  visitor: Visitor;
  /** The latest agent message the visitor saw (for the launcher's unread count after a reload). */
  seenAgentUpTo: string | null;
  /** Messages not confirmed yet: a reload or a lost connection never loses them. */
  outbox: OutboxEntry[];
  /** The panel was open: a reload opens it again. */
  open: boolean;
}

const keyOf = (widgetId: string) => `parley-chat:${widgetId}`;

/**
 * localStorage of the page's origin (the host site), read and written defensively: storage may be
 * blocked (privacy modes) or full, and then the chat lasts as long as the page.
 */
export function createChatStorage(widgetId: string, storage: Storage | null = safeLocalStorage()) {
  const key = keyOf(widgetId);
  return {
    load(): StoredChat | null {
      try {
        const raw = storage?.getItem(key);
        if (!raw) return null;
        const value = JSON.parse(raw) as Partial<StoredChat>;
        if (typeof value.token !== 'string' || !value.visitor) return null;
        return {
          token: value.token,
          visitor: value.visitor,
          seenAgentUpTo: value.seenAgentUpTo ?? null,
          outbox: Array.isArray(value.outbox) ? value.outbox : [],
          open: value.open === true,
        };
      } catch {
        return null;
      }
    },
    save(chat: StoredChat): void {
      try {
        storage?.setItem(key, JSON.stringify(chat));
      } catch {
        // Storage full or blocked: the chat still works until the page goes away.
      }
    },
    clear(): void {
      try {
        storage?.removeItem(key);
      } catch {
        // nothing stored, nothing to clear
      }
    },
  };
}

export type ChatStorage = ReturnType<typeof createChatStorage>;

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
