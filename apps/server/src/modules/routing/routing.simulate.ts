import type { SimulateRoutingRequest, SimulateRoutingResult } from '@parley/contracts';
import type { z } from 'zod';
import type { Orm } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { findConversationById } from '../conversations/conversations.repo.ts';
import { findCustomerById } from '../customers/customers.repo.ts';
import { conversationFacts, customerFacts, tagFacts } from './routing.facts.ts';
import { decideRouting } from './routing.service.ts';

type SimulateInput = z.output<typeof SimulateRoutingRequest>;

/** The "simulate" panel: which rule a sample first message would hit, and how each rule fared. Changes nothing. */
export async function simulateRouting(orm: Orm, input: SimulateInput): Promise<SimulateRoutingResult> {
  if (input.customerId && !(await findCustomerById(orm, input.customerId))) throw notFound('Customer');
  const facts = {
    channel: input.channel,
    from: input.from,
    to: input.to,
    text: input.text,
    customer: await customerFacts(orm, input.customerId ?? null),
    tags: await tagFacts(orm, input.tagIds),
  };
  const at = input.at ? new Date(input.at) : new Date();
  const rules = input.rules?.map((r) => ({ ...r, id: r.id ?? null }));
  const { decision, evaluations } = await decideRouting(orm, facts, at, rules);
  return { decision, rules: evaluations };
}

/** The reference's simulate-routing: what routing would decide for a stored conversation now (latest customer message). */
export async function simulateConversationRouting(orm: Orm, conversationId: string) {
  const conv = await findConversationById(orm, conversationId);
  if (!conv) throw notFound('Conversation');
  const facts = await conversationFacts(orm, conv, 'latest');
  return { conversation: conv, ...(await decideRouting(orm, facts, new Date(), undefined, conv.priority)) };
}
