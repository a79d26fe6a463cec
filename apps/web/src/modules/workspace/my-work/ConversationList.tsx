import type { ConversationListItem } from '@parley/contracts';
import { type FocusEvent, useEffect, useRef, useState } from 'react';
import { useNow } from '../../../lib/use-now.ts';
import { ConversationRow, type ConversationRowProps } from './ConversationRow.tsx';
import { useListKeyboard } from './use-list-keyboard.ts';

export interface ConversationListProps {
  items: readonly ConversationListItem[];
  /** The conversation open on the right, highlighted. */
  selectedId: string | undefined;
  label: string;
  testId: string;
  showAssignee?: ConversationRowProps['showAssignee'];
}

/** Where a row leads: the conversation opens beside MY WORK. */
export const conversationPath = (id: string) => `/my-work/${id}`;

/** A keyboard-navigable list of conversation rows (see LIST_SHORTCUTS). */
export function ConversationList({ items, selectedId, label, testId, showAssignee }: ConversationListProps) {
  const ref = useRef<HTMLElement>(null);
  const now = useNow(30_000);
  const onKeyDown = useListKeyboard(ref);
  // Roving focus: Tab enters the list once, at the row last focused (else the open one, else the top).
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const has = (id: string | null | undefined) => !!id && items.some((i) => i.id === id);
  const tabbableId = has(focusedId) ? focusedId : has(selectedId) ? selectedId : items[0]?.id;
  // A conversation opened from elsewhere (a link, "+", a reload) is brought into view in the list.
  const selectedShown = has(selectedId);
  useEffect(() => {
    if (!selectedShown) return;
    ref.current
      ?.querySelector(`[data-conversation-id="${selectedId}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [selectedId, selectedShown]);
  const onFocus = (event: FocusEvent<HTMLElement>) => {
    const id = (event.target as HTMLElement).closest('[data-list-row]')?.getAttribute('data-conversation-id');
    if (id) setFocusedId(id);
  };

  return (
    <nav ref={ref} aria-label={label} data-testid={testId} onKeyDown={onKeyDown} onFocus={onFocus}>
      {items.map((item) => (
        <ConversationRow
          key={item.id}
          item={item}
          to={conversationPath(item.id)}
          selected={item.id === selectedId}
          tabIndex={item.id === tabbableId ? 0 : -1}
          now={now}
          showAssignee={showAssignee}
        />
      ))}
    </nav>
  );
}
