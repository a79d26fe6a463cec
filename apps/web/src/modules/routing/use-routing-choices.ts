import { type AttributeDefinition, GENDERS } from '@parley/contracts';
import { useBots } from '../bots/bots-api.ts';
import { useAttributeDefinitions } from '../customers/customers-api.ts';
import { useTagCatalogue } from '../tags/tags-api.ts';
import { useQueues } from '../workspace/conversation/conversation-api.ts';
import type { BuilderChoices } from './ConditionBuilder.tsx';
import type { ValueKind } from './condition-model.ts';
import { FIXED_FIELDS, type Option, STANDARD_CUSTOMER_FIELDS } from './field-options.ts';

export interface RoutingChoices extends BuilderChoices {
  bots: Option[];
  /** Names by id, for summaries of saved rules. */
  queueName: (id: string) => string;
  tagName: (id: string) => string;
  botName: (id: string) => string;
}

const YES_NO: Option[] = [
  { value: 'true', label: 'Yes' },
  { value: 'false', label: 'No' },
];
const GENDER_OPTIONS: Option[] = GENDERS.map((g) => ({
  value: g,
  label: g.charAt(0) + g.slice(1).toLowerCase(),
}));

function kindOfAttribute(a: AttributeDefinition): ValueKind {
  return a.type === 'number' ? 'number' : a.type === 'yes_no' ? 'boolean' : 'text';
}

function optionsOfAttribute(a: AttributeDefinition): Option[] | null {
  if (a.type === 'yes_no') return YES_NO;
  if (a.type === 'list') return a.options.map((o) => ({ value: o, label: o }));
  return null;
}

const nameOf = (options: Option[]) => {
  const byId = new Map(options.map((o) => [o.value, o.label]));
  return (id: string) => byId.get(id) ?? 'unknown';
};

/** The queues, tags, customer attributes and bots the rules editor offers. */
export function useRoutingChoices(): RoutingChoices {
  const queues = useQueues();
  const tags = useTagCatalogue('conversation');
  const attributes = useAttributeDefinitions();
  const bots = useBots();
  const queueOptions = (queues.data?.items ?? []).map((q) => ({ value: q.id, label: q.name }));
  const tagOptions = (tags.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }));
  const botOptions = (bots.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }));
  const definitions = attributes.data?.items ?? [];
  const custom = definitions.map((a) => ({ value: `customer.${a.name}`, label: a.name }));
  const definition = (field: string) => definitions.find((a) => `customer.${a.name}` === field);
  return {
    fields: [
      { group: 'Conversation', items: FIXED_FIELDS },
      { group: 'Customer', items: [...STANDARD_CUSTOMER_FIELDS, ...custom] },
    ],
    queues: queueOptions,
    tags: tagOptions,
    kindOf: (field) => {
      const a = definition(field);
      return a ? kindOfAttribute(a) : 'text';
    },
    optionsOf: (field) => {
      if (field === 'customer.gender') return GENDER_OPTIONS;
      const a = definition(field);
      return a ? optionsOfAttribute(a) : null;
    },
    bots: botOptions,
    queueName: nameOf(queueOptions),
    tagName: nameOf(tagOptions),
    botName: nameOf(botOptions),
  };
}
