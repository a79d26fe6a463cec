import type { Channel, ConversationStatus, Priority } from '@parley/contracts';
import { notFound } from '../../platform/errors.ts';
import { joinTransaction } from '../../platform/events/join-transaction.ts';
import type { Events } from '../../platform/events/types.ts';
import type { ReplyDraft } from '../channel-rules/channel-rules.service.ts';
import { createCustomer } from '../customers/customers.service.ts';
import type { MessageRow } from '../messages/messages.repo.ts';
import { sendAgentMessage } from '../messages/messages.service.ts';
import { ensureCanSend } from '../messages/reply-routes.service.ts';
import { ensureDefaultQueue } from '../queues/queues.service.ts';
import { type Actor, canEdit, enforce } from './conversations.policy.ts';
import { type ConversationRow, findConversationForUpdate } from './conversations.repo.ts';
import {
  assignConversation,
  assignConversationToMe,
  changeConversationQueue,
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
  /** The first message: a text, or (D7, WhatsApp) an approved template with its values. */
  text?: string;
  template?: ReplyDraft['template'];
  topic?: string;
  /** Whether the creator takes the conversation (people with the agent role do; pure supervisors may reply without). */
  assignToCreator: boolean;
}

/**
 * The agent's "+": optionally creates the customer, starts the conversation (D2; a thread that
 * already has a non-CLOSED conversation is refused with `conflict`), assigns it to its creator and
 * sends the first message — all or nothing. A channel and sender no enabled connection sends on
 * is refused first with `channel_unavailable`: the first message could never leave.
 */
export function startConversation(
  events: Events,
  actor: Actor,
  input: StartConversationInput,
): Promise<{ conversation: ConversationRow; message: MessageRow }> {
  return events.transact(async (scope) => {
    await ensureCanSend(scope.tx, input.channel, input.ourAddress);
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
    const { message } = await sendAgentMessage(
      joined,
      actor,
      conversation.id,
      input.template
        ? { contentType: 'TEMPLATE', content: {}, template: input.template }
        : { contentType: 'TEXT', content: { text: input.text ?? '' } },
    );
    return { conversation, message };
  });
}

/** The fields one request may change together; absent fields stay as they are. */
export interface ConversationPatchInput {
  topic?: string;
  /** null clears it. */
  summary?: string | null;
  priority?: Priority;
  /** null = the Default queue. */
  queueId?: string | null;
  /** null unassigns. */
  assigneeUserId?: string | null;
  status?: ConversationStatus;
}

/**
 * Applies topic, summary, priority, queue, assignee and then status in one transaction, each
 * through its own service (rules, change log, events): all or nothing. Queue before assignee, as
 * the assignee must belong to the new queue (D3); status last, as a CLOSED conversation takes no
 * more changes. Each value is compared with the row as the previous steps left it, so only real
 * changes reach the services (a repeated value needs no rights and logs nothing), and an assignee
 * the queue change removed is assigned again — or the whole request refused.
 */
export function updateConversation(
  events: Events,
  actor: Actor,
  conversationId: string,
  patch: ConversationPatchInput,
): Promise<ConversationRow> {
  return events.transact(async (scope) => {
    const joined = joinTransaction(events, scope);
    let row = await findConversationForUpdate(scope.tx, conversationId);
    if (!row) throw notFound('Conversation');
    // D2: a CLOSED conversation refuses every change request, even one repeating its values.
    if (Object.values(patch).some((v) => v !== undefined)) enforce(canEdit(row));
    const { topic, summary, priority, queueId, assigneeUserId, status } = patch;
    if (topic !== undefined && topic !== row.topic) {
      row = await setConversationTopic(joined, actor, row.id, topic);
    }
    if (summary !== undefined && summary !== row.summary) {
      row = await setConversationSummary(joined, actor, row.id, summary);
    }
    if (priority !== undefined && priority !== row.priority) {
      row = await setConversationPriority(joined, actor, row.id, priority);
    }
    if (queueId !== undefined) {
      const target = queueId ?? (await ensureDefaultQueue(scope.tx)).id;
      if (target !== row.queueId) row = await changeConversationQueue(joined, actor, row.id, target);
    }
    if (assigneeUserId !== undefined && assigneeUserId !== row.assigneeUserId) {
      row = await assignConversation(joined, actor, row.id, assigneeUserId);
    }
    if (status !== undefined && status !== row.status) {
      row = await setConversationStatus(joined, actor, row.id, status);
    }
    return row;
  });
}
