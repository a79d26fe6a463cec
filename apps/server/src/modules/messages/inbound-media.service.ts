import type { Events } from '../../platform/events/types.ts';
import { replaceInboundMessageContent } from './message-content.repo.ts';
import type { MessageContent } from './messages.schema.ts';

/**
 * Points a customer's media message at the file Parley stored for it (the channel fetched it from
 * the provider) and emits `message.updated`, so open timelines show the stored file.
 */
export function replaceInboundContent(
  events: Events,
  messageId: string,
  content: MessageContent,
): Promise<void> {
  return events.transact(async ({ tx, emit }) => {
    const changed = await replaceInboundMessageContent(tx, messageId, content);
    if (changed) emit('message.updated', changed);
  });
}
