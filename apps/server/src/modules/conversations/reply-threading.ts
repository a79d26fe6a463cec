import type { InboundMessage } from '@parley/contracts';
import { and, asc, inArray, ne } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { findCustomersByDestinations } from '../customers/customers.repo.ts';
import { messages } from '../messages/messages.schema.ts';
import type { ConversationRow } from './conversations.repo.ts';
import { conversations } from './conversations.schema.ts';

// Threading by the ids a message answers (e-mail In-Reply-To / References, InboundMessage.replyTo),
// before D2's thread key: docs/email.md "Threading".

interface StoredMessage {
  channel: string;
  providerMessageId: string | null;
  conversationId: string;
  direction: 'INBOUND' | 'OUTBOUND';
  fromAddress: string;
  toAddress: string;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * The conversation each message of a batch answers, locked, for the messages that join one this
 * way: the nearest id of `replyTo` Parley stored on the same channel decides. The message joins
 * that message's conversation when it is not CLOSED, went through the same address of ours, and
 * the sender is that conversation's customer — the address the stored message came from or went
 * to, or another address of the profile owning that address or linked to the conversation (D6).
 * Any other message is left to D2.
 */
export async function findRepliedConversations(
  tx: Orm,
  msgs: readonly InboundMessage[],
): Promise<Map<InboundMessage, ConversationRow>> {
  const asking = msgs.filter((m) => (m.replyTo?.length ?? 0) > 0);
  if (asking.length === 0) return new Map();
  const ids = [...new Set(asking.flatMap((m) => m.replyTo ?? []))];
  const stored: StoredMessage[] = await tx
    .select({
      providerMessageId: messages.providerMessageId,
      conversationId: messages.conversationId,
      direction: messages.direction,
      fromAddress: messages.fromAddress,
      toAddress: messages.toAddress,
      channel: messages.channel,
    })
    .from(messages)
    .where(
      and(
        inArray(messages.providerMessageId, ids),
        inArray(messages.channel, [...new Set(asking.map((m) => m.channel))]),
      ),
    );
  const byId = new Map(stored.map((s) => [`${s.channel}\u0000${s.providerMessageId}`, s]));
  const nearest = new Map<InboundMessage, StoredMessage>();
  for (const m of asking) {
    const hit = (m.replyTo ?? [])
      .map((id) => byId.get(`${m.channel}\u0000${id}`))
      .find((s) => s !== undefined);
    if (hit) nearest.set(m, hit);
  }
  if (nearest.size === 0) return new Map();
  // Locked in id order like findOpenThreadConversations; a conversation closed meanwhile drops out.
  const open = await tx
    .select()
    .from(conversations)
    .where(
      and(
        inArray(conversations.id, [...new Set([...nearest.values()].map((s) => s.conversationId))]),
        ne(conversations.status, 'CLOSED'),
      ),
    )
    .orderBy(asc(conversations.id))
    .for('update');
  const openById = new Map(open.map((c) => [c.id, c]));
  // The customer-side address of each stored message: who the conversation talks to on it.
  const theirsOf = (s: StoredMessage) => (s.direction === 'INBOUND' ? s.fromAddress : s.toAddress);
  const oursOf = (s: StoredMessage) => (s.direction === 'INBOUND' ? s.toAddress : s.fromAddress);
  const profiles = await findCustomersByDestinations(
    tx,
    [...nearest].flatMap(([m, s]) => [
      { channel: m.channel, address: m.from },
      { channel: m.channel, address: theirsOf(s) },
    ]),
  );
  const profileOf = new Map(profiles.map((p) => [`${p.channel}\u0000${p.address}`, p.customer.id]));
  const joined = new Map<InboundMessage, ConversationRow>();
  for (const [m, s] of nearest) {
    const conversation = openById.get(s.conversationId);
    if (!conversation || !same(oursOf(s), m.to)) continue;
    const senderProfile = profileOf.get(`${m.channel}\u0000${m.from}`);
    const sameCustomer =
      same(theirsOf(s), m.from) ||
      (senderProfile !== undefined &&
        (senderProfile === conversation.customerId ||
          senderProfile === profileOf.get(`${m.channel}\u0000${theirsOf(s)}`)));
    if (sameCustomer) joined.set(m, conversation);
  }
  return joined;
}
