import { conflict, notFound } from '../../platform/errors.ts';
import type { Events } from '../../platform/events/types.ts';
import { type Actor, canEdit, enforce } from '../conversations/conversations.policy.ts';
import {
  type ConversationRow,
  findConversationById,
  findConversationForUpdate,
  lockThreadKey,
  updateConversationRow,
} from '../conversations/conversations.repo.ts';
import { emitConversation } from '../conversations/conversations.service.ts';
import { insertChanges, type NewCustomerChange } from './customer-changes.repo.ts';
import {
  deleteDestinations,
  findCustomerByDestination,
  insertDestinations,
  lockCustomers,
  refreshSearchText,
  updateCustomerRow,
} from './customers.repo.ts';

/** How often a link starts over when a merge or another link moved the conversation meanwhile. */
const LINK_ATTEMPTS = 3;

/** The conversation's customer changed between the read and the lock: start over. */
class CustomerMoved extends Error {}

/**
 * Links a conversation to a customer, or unlinks it (null) from the wrong one (D6), with the
 * conversation's address following, so the next inbound message from it is recognised right:
 * - unlinking removes the address from the old profile when that profile holds it (otherwise the
 *   next message would link the conversation straight back);
 * - linking gives the address to the new profile when no profile holds it, or moves it there from
 *   the old one; a third profile holding it keeps it.
 * A CLOSED conversation is refused (D2). The change is recorded on both profiles and pushed as
 * `conversation.updated`.
 *
 * Locks are taken in the order merge and delete take them — the profiles first (id order), then the
 * conversation — so a link racing a merge of its profile waits instead of deadlocking. When the
 * conversation's customer changed between the first read and its lock (a merge moved it), the link
 * starts over; after a few such races it is refused with `conflict` (409).
 */
export async function setConversationCustomer(
  events: Events,
  actor: Actor,
  conversationId: string,
  customerId: string | null,
): Promise<ConversationRow> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await linkOnce(events, actor, conversationId, customerId);
    } catch (error) {
      if (!(error instanceof CustomerMoved)) throw error;
      if (attempt >= LINK_ATTEMPTS) {
        throw conflict("The conversation's customer changed meanwhile; reload it and try again");
      }
    }
  }
}

function linkOnce(
  events: Events,
  actor: Actor,
  conversationId: string,
  customerId: string | null,
): Promise<ConversationRow> {
  return events.transact(async (scope) => {
    const { tx } = scope;
    const seen = await findConversationById(tx, conversationId);
    if (!seen) throw notFound('Conversation');
    // The thread-key lock keeps inbound threading (which links by address) from interleaving.
    if (seen.channel && seen.ourAddress && seen.customerAddress) {
      await lockThreadKey(tx, {
        channel: seen.channel,
        ourAddress: seen.ourAddress,
        customerAddress: seen.customerAddress,
      });
    }
    const locked = await lockCustomers(
      tx,
      [seen.customerId, customerId].filter((id): id is string => id !== null),
    );
    if (customerId && !locked.some((c) => c.id === customerId)) throw notFound('Customer');
    const conv = await findConversationForUpdate(tx, conversationId);
    if (!conv) throw notFound('Conversation');
    if (conv.customerId !== seen.customerId) throw new CustomerMoved();
    enforce(canEdit(conv));
    if (conv.customerId === customerId) return conv;

    const previous = conv.customerId;
    let removedFromPrevious = false;
    let addedToNew = false;
    const address =
      conv.channel && conv.customerAddress ? { channel: conv.channel, address: conv.customerAddress } : null;
    if (address) {
      const owner = await findCustomerByDestination(tx, address.channel, address.address);
      if (owner && owner.id === previous) {
        await deleteDestinations(tx, owner.id, [address]);
        removedFromPrevious = true;
      }
      if (customerId && (!owner || owner.id === previous)) {
        await insertDestinations(tx, customerId, [address]);
        addedToNew = true;
      }
    }
    // A profile whose addresses changed is modified (People API `modifiedAt`).
    if (removedFromPrevious && previous) await updateCustomerRow(tx, previous, {});
    if (addedToNew && customerId) await updateCustomerRow(tx, customerId, {});
    const updated = await updateConversationRow(tx, conv.id, { customerId });
    const common = {
      conversationId: conv.id,
      actorUserId: 'userId' in actor ? actor.userId : null,
    };
    const details = { conversationNumber: conv.number, address: conv.customerAddress };
    const changes: NewCustomerChange[] = [];
    if (previous) {
      changes.push({
        ...common,
        customerId: previous,
        kind: 'conversation_unlinked',
        details: { ...details, addressChanged: removedFromPrevious },
      });
    }
    if (customerId) {
      changes.push({
        ...common,
        customerId,
        kind: 'conversation_linked',
        details: { ...details, addressChanged: addedToNew },
      });
    }
    await insertChanges(tx, changes);
    await refreshSearchText(
      tx,
      [previous, customerId].filter((id): id is string => id !== null),
    );
    emitConversation(scope, 'conversation.updated', updated, actor, { changes: { customerId } });
    return updated;
  });
}
