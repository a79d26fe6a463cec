import type { ViewCounts } from '@parley/contracts';
import { useMemo } from 'react';
import { customerDisplayName } from '../../customers/customer-format.ts';
import { useCustomer } from '../../customers/customers-api.ts';
import { useAgents, useConversationTags, useQueues } from '../conversation/conversation-api.ts';
import type { FilterNames } from './filter-chips.ts';

export interface Option {
  value: string;
  label: string;
}

/** What the tray offers for its id filters, and the names chips show for the ids applied. */
export interface FilterChoices {
  names: FilterNames;
  agents: Option[];
  /** The queues the server counts for the caller (their own and the Default queue for agents). */
  queues: Option[];
  tags: Option[];
}

const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label);

export function useFilterChoices(
  counts: ViewCounts | undefined,
  customerId: string | undefined,
): FilterChoices {
  const agents = useAgents();
  const queues = useQueues();
  const tags = useConversationTags();
  const customer = useCustomer(customerId ?? null);

  return useMemo(() => {
    const agentOptions = (agents.data?.items ?? []).map((a) => ({ value: a.id, label: a.displayName }));
    const tagOptions = (tags.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }));
    const queueNames = new Map((queues.data?.items ?? []).map((q) => [q.id, q.name]));
    for (const q of counts?.queues ?? []) queueNames.set(q.queueId, q.name);
    const agentNames = new Map(agentOptions.map((o) => [o.value, o.label]));
    const tagNames = new Map(tagOptions.map((o) => [o.value, o.label]));
    const customerName = customer.data ? customerDisplayName(customer.data) : undefined;
    return {
      names: {
        queue: (id) => queueNames.get(id),
        agent: (id) => agentNames.get(id),
        tag: (id) => tagNames.get(id),
        customer: (id) => (id === customer.data?.id ? customerName : undefined),
      },
      agents: agentOptions.sort(byLabel),
      queues: (counts?.queues ?? []).map((q) => ({ value: q.queueId, label: q.name })),
      tags: tagOptions.sort(byLabel),
    };
  }, [agents.data, tags.data, queues.data, counts, customer.data]);
}
