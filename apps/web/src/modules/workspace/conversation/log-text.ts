import type { ConversationStatus, Priority, TimelineLog } from '@parley/contracts';
import { PRIORITY_LOOKS, STATUS_LOOKS } from './conversation-looks.ts';

/** Who made a logged change, as the timeline names them ("You" for the reader). */
function actorName(entry: TimelineLog, myUserId: string): string {
  if (entry.actor) return entry.actor.id === myUserId ? 'You' : entry.actor.displayName;
  return entry.actorKind === 'automation' ? 'Automation' : 'Parley';
}

function statusLabel(value: string): string {
  return STATUS_LOOKS[value as ConversationStatus]?.label ?? value;
}

function priorityLabel(value: string): string {
  return PRIORITY_LOOKS[value as Priority]?.label ?? value;
}

/** One change-log entry as a sentence: "Anna set status to Solved". */
export function logText(entry: TimelineLog, myUserId: string): string {
  const who = actorName(entry, myUserId);
  const { from, to } = entry;
  switch (entry.kind) {
    case 'status':
      if (entry.actorKind === 'system' && to?.value === 'OPEN') return 'Reopened by the customer’s message';
      return `${who} set status to ${to ? statusLabel(to.value) : 'none'}`;
    case 'priority':
      return `${who} set priority to ${to ? priorityLabel(to.value) : 'none'}`;
    case 'assignment':
      if (!to) {
        if (from?.value !== entry.actor?.id) return `${who} unassigned ${from?.label ?? 'the conversation'}`;
        return `${who} unassigned ${who === 'You' ? 'yourself' : 'themselves'}`;
      }
      if (to.value === entry.actor?.id) return `${who} took the conversation`;
      return `${who} assigned the conversation to ${to.value === myUserId ? 'you' : to.label}`;
    case 'tag':
      return to ? `${who} added the tag ${to.label}` : `${who} removed the tag ${from?.label ?? ''}`.trim();
    case 'queue':
      return `${who} moved the conversation to ${to?.label ?? 'the Default queue'}`;
    case 'merge':
      return to
        ? `${who} merged this conversation into ${to.label}`
        : `${who} merged ${from?.label ?? 'a conversation'} into this conversation`;
  }
}
