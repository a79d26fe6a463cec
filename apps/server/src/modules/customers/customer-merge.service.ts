import { asc, eq } from 'drizzle-orm';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Events } from '../../platform/events/types.ts';
import type { Actor } from '../conversations/conversations.policy.ts';
import { updateConversationRow } from '../conversations/conversations.repo.ts';
import { conversations } from '../conversations/conversations.schema.ts';
import { emitConversation } from '../conversations/conversations.service.ts';
import { insertChanges, moveChanges } from './customer-changes.repo.ts';
import { distinctTags } from './customer-values.ts';
import {
  deleteCustomerRow,
  listTags,
  lockCustomers,
  refreshSearchText,
  replaceTags,
  updateCustomerRow,
} from './customers.repo.ts';
import { customerDestinations } from './customers.schema.ts';
import { type CustomerProfile, getCustomer } from './customers.service.ts';

const actorUserId = (actor: Actor) => ('userId' in actor ? actor.userId : null);

/**
 * Merges duplicate profile `mergedId` into `keptId` in one transaction (D6): its addresses, tags
 * and conversations (open and closed) move to the kept profile; its field and attribute values
 * fill the kept profile's empty ones (the kept profile wins where both have one); it is deleted
 * and the merge is recorded on the kept profile, whose history it also takes over. Locks the two
 * profiles (id order) before their conversations, as linking does, so the two cannot deadlock.
 */
export function mergeCustomers(
  events: Events,
  actor: Actor,
  keptId: string,
  mergedId: string,
): Promise<CustomerProfile> {
  if (keptId === mergedId) {
    throw new AppError('validation_failed', 400, 'A profile cannot be merged with itself');
  }
  return events.transact(async (scope) => {
    const { tx, emit } = scope;
    const locked = await lockCustomers(tx, [keptId, mergedId]);
    const kept = locked.find((c) => c.id === keptId);
    const merged = locked.find((c) => c.id === mergedId);
    if (!kept || !merged) throw notFound('Customer');

    const moved = await tx
      .update(customerDestinations)
      .set({ customerId: keptId })
      .where(eq(customerDestinations.customerId, mergedId))
      .returning({ id: customerDestinations.id });
    const tags = await listTags(tx, [keptId, mergedId]);
    const ordered = [
      ...tags.filter((t) => t.customerId === keptId),
      ...tags.filter((t) => t.customerId === mergedId),
    ];
    await replaceTags(tx, keptId, distinctTags(ordered.map((t) => t.name)));
    // Profiles first, then their conversations (in id order): the order a link takes them in.
    const theirs = await tx
      .select()
      .from(conversations)
      .where(eq(conversations.customerId, mergedId))
      .orderBy(asc(conversations.id))
      .for('update');
    for (const conv of theirs) {
      const updated = await updateConversationRow(tx, conv.id, { customerId: keptId });
      emitConversation(scope, 'conversation.updated', updated, actor, { changes: { customerId: keptId } });
    }
    await moveChanges(tx, mergedId, keptId);
    await deleteCustomerRow(tx, mergedId);
    await updateCustomerRow(tx, keptId, {
      name: kept.name ?? merged.name,
      gender: kept.gender ?? merged.gender,
      city: kept.city ?? merged.city,
      country: kept.country ?? merged.country,
      externalId: kept.externalId ?? merged.externalId,
      attributes: { ...merged.attributes, ...kept.attributes },
    });
    await insertChanges(tx, [
      {
        customerId: keptId,
        kind: 'merged',
        details: { mergedName: merged.name, conversations: theirs.length, destinations: moved.length },
        actorUserId: actorUserId(actor),
      },
    ]);
    await refreshSearchText(tx, [keptId]);
    emit('customer.merged', { keptId, mergedId, actor });
    return getCustomer(tx, keptId);
  });
}
