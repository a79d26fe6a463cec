import type { Channel, ConversationStatus, Priority } from '@parley/contracts';
import { joinTransaction } from '../../platform/events/join-transaction.ts';
import type { Events } from '../../platform/events/types.ts';
import { createCustomer } from '../customers/customers.service.ts';
import type { MessageRow } from '../messages/messages.repo.ts';
import { sendAgentMessage } from '../messages/messages.service.ts';
import type { Actor } from './conversations.policy.ts';
import type { ConversationRow } from './conversations.repo.ts';
import {
  assignConversationToMe,
  setConversationPriority,
  setConversationStatus,
  setConversationSummary,
  setConversationTopic,
} from './conversations.service.ts';
import { createConversation } from './threading.ts';

// Commands of the web app that combine several conversation services: each runs them in ONE
// transaction, so a refusal of any part leaves nothing behind and the events go out together.

export interface StartConversationInput {
  customerId?: string;
  /** A profile to create first; its destination is (channel, address). */
  newCustomer?: { name: string; channel: Channel; address: string };
  channel: Channel;
  ourAddress: string;
  customerAddress: string;
  text: string;
  topic?: string;
  /** Whether the creator takes the conversation (people with the agent role do; pure supervisors may reply without). */
  assignToCreator: boolean;
}

/**
 * The agent's "+": optionally creates the customer, starts the conversation (D2; a thread that
 * already has a non-CLOSED conversation is refused with `conflict`), assigns it to its creator and
 * sends the first message — all or nothing.
 */
export function startConversation(
  events: Events,
  actor: Actor,
  input: StartConversationInput,
): Promise<{ conversation: ConversationRow; message: MessageRow }> {
  return events.transact(async (scope) => {
    const joined = joinTransaction(events, scope);
    const customerId = input.newCustomer
      ? (
          await createCustomer(joined, {
            name: input.newCustomer.name,
            destinations: [{ channel: input.newCustomer.channel, address: input.newCustomer.address }],
          })
        ).id
      : input.customerId;
    let conversation = await createConversation(joined, actor, {
      customerId,
      channel: input.channel,
      ourAddress: input.ourAddress,
      customerAddress: input.customerAddress,
      topic: input.topic,
    });
    if (input.assignToCreator) conversation = await assignConversationToMe(joined, actor, conversation.id);
    const { message } = await sendAgentMessage(joined, actor, conversation.id, {
      contentType: 'TEXT',
      content: { text: input.text },
    });
    return { conversation, message };
  });
}

export interface ConversationPatchInput {
  topic?: string;
  summary?: string | null;
  priority?: Priority;
  status?: ConversationStatus;
}

/**
 * Applies topic, summary, priority and then status (so closing comes last) in one transaction;
 * each change is checked and logged by its own service.
 */
export function updateConversation(
  events: Events,
  actor: Actor,
  conversationId: string,
  patch: ConversationPatchInput,
): Promise<void> {
  return events.transact(async (scope) => {
    const joined = joinTransaction(events, scope);
    if (patch.topic !== undefined) await setConversationTopic(joined, actor, conversationId, patch.topic);
    if (patch.summary !== undefined) {
      await setConversationSummary(joined, actor, conversationId, patch.summary);
    }
    if (patch.priority !== undefined) {
      await setConversationPriority(joined, actor, conversationId, patch.priority);
    }
    if (patch.status !== undefined) await setConversationStatus(joined, actor, conversationId, patch.status);
  });
}
