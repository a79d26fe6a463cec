import type { Tag, TagUsage } from '@parley/contracts';

/** "1 template", "3 templates". */
export const countOf = (n: number, one: string, many: string) =>
  `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** What deleting the tag does, from its usage counted just now. */
export function deletionConsequence(tag: Tag, usage: TagUsage): string {
  if (tag.kind === 'template') {
    return usage.templates === 0
      ? 'No template carries it.'
      : `It is on ${countOf(usage.templates, 'template', 'templates')}; it will be removed from them.`;
  }
  const open =
    usage.openConversations === 0
      ? 'No open conversation carries it.'
      : `It is on ${countOf(usage.openConversations, 'open conversation', 'open conversations')}: it will be removed from them, each change recorded in the conversation's history.`;
  const closed =
    usage.closedConversations === 0
      ? ''
      : ` ${countOf(usage.closedConversations, 'closed conversation keeps', 'closed conversations keep')} it, as closed conversations never change.`;
  return open + closed;
}
