import { CHANNELS, STANDARD_FIELD_LABELS } from '@parley/contracts';
import { CHANNEL_LOOKS } from '../workspace/channel-icon.tsx';
import { WORKING_HOURS_FIELD } from './condition-model.ts';

export interface Option {
  value: string;
  label: string;
}

/** Labels of the fields a condition row can test (customer attributes come from the catalogue). */
export const FIXED_FIELDS: Option[] = [
  { value: 'message.text', label: 'Message text' },
  { value: 'message.channel', label: 'Channel' },
  { value: 'message.from', label: 'Sender' },
  { value: 'message.to', label: 'Destination' },
  { value: 'conversation.tags', label: 'Conversation tags' },
  { value: WORKING_HOURS_FIELD, label: 'Working hours of queue' },
];

export const CHANNEL_OPTIONS: Option[] = CHANNELS.map((c) => ({ value: c, label: CHANNEL_LOOKS[c].label }));

/** The customer's standard fields, as the routing facts name them. */
export const STANDARD_CUSTOMER_FIELDS: Option[] = [
  { value: 'customer.name', label: 'Customer name' },
  ...(['city', 'country', 'gender'] as const).map((f) => ({
    value: `customer.${f}`,
    label: `Customer ${STANDARD_FIELD_LABELS[f].toLowerCase()}`,
  })),
];
