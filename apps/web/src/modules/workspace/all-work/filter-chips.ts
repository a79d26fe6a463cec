import type { ViewFilters } from '@parley/contracts';
import { channelLabel } from '../channel-icon.tsx';
import { PRIORITY_LOOKS, STATUS_LOOKS } from '../conversation/conversation-looks.ts';
import { patchFilters } from './list-url.ts';

// The applied filters as removable chips (shown while the tray is folded), and the conversions the
// tray needs between what people type (days, minutes or hours) and what the list query holds.

/** Names of the ids a filter holds; an id without a name (not loaded yet, deleted) shows as "…". */
export interface FilterNames {
  queue: (id: string) => string | undefined;
  agent: (id: string) => string | undefined;
  tag: (id: string) => string | undefined;
  customer: (id: string) => string | undefined;
}

export interface FilterChip {
  /** The filter field the chip stands for. */
  key: keyof ViewFilters;
  label: string;
  value: string;
  /** Takes this filter away (from whatever the filters are by then). */
  remove: (filters: ViewFilters) => ViewFilters;
}

export type PendingUnit = 'minutes' | 'hours';

const UNIT_SECONDS: Record<PendingUnit, number> = { minutes: 60, hours: 3600 };

/** "Pending agent reply longer than" as the tray shows it: whole hours when it is, else minutes. */
export function pendingAmount(seconds: number): { amount: number; unit: PendingUnit } {
  if (seconds > 0 && seconds % 3600 === 0) return { amount: seconds / 3600, unit: 'hours' };
  return { amount: Math.round(seconds / 60), unit: 'minutes' };
}

export function pendingSeconds(amount: number, unit: PendingUnit): number {
  return Math.max(0, Math.round(amount * UNIT_SECONDS[unit]));
}

export function formatPending(seconds: number): string {
  const { amount, unit } = pendingAmount(seconds);
  return unit === 'hours' ? `${amount} h` : `${amount} min`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A `YYYY-MM-DD` day (as a date input gives it) → the instant its local day starts. */
export function dayStart(day: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The end of a date range is exclusive: "to 20 Nov" is "before 21 Nov starts". */
export function dayAfterStart(day: string): string | undefined {
  const start = dayStart(day);
  if (!start) return undefined;
  const date = new Date(start);
  date.setDate(date.getDate() + 1);
  return date.toISOString();
}

/** The local day of an instant, as a date input shows it. */
export function dayOf(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The last day of a range whose exclusive end is `iso`. */
export function lastDayBefore(iso: string): string {
  return dayOf(new Date(Date.parse(iso) - 1).toISOString());
}

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const showDay = (day: string) => {
  const start = dayStart(day);
  return start ? dayFormat.format(new Date(start)) : day;
};

function createdLabel(filters: ViewFilters): string {
  const from = filters.createdFrom ? showDay(dayOf(filters.createdFrom)) : null;
  const to = filters.createdTo ? showDay(lastDayBefore(filters.createdTo)) : null;
  if (from && to) return `${from} – ${to}`;
  return from ? `from ${from}` : `until ${to}`;
}

const names = (ids: readonly string[], name: (id: string) => string | undefined) =>
  ids.map((id) => name(id) ?? '…').join(', ');

/**
 * Every applied filter of the tray as a chip, in the tray's order. The base view and the search are
 * not chips: the sidebar and the search box show them.
 */
export function filterChips(filters: ViewFilters, lookup: FilterNames): FilterChip[] {
  const chips: FilterChip[] = [];
  const add = (key: keyof ViewFilters, label: string, value: string) =>
    chips.push({ key, label, value, remove: (f) => patchFilters(f, { [key]: undefined }) });
  if (filters.channel?.length) add('channel', 'Channel', filters.channel.map(channelLabel).join(', '));
  if (filters.priority?.length)
    add('priority', 'Priority', filters.priority.map((p) => PRIORITY_LOOKS[p].label).join(', '));
  if (filters.status?.length)
    add('status', 'Status', filters.status.map((s) => STATUS_LOOKS[s].label).join(', '));
  if (filters.createdFrom || filters.createdTo) {
    const label = createdLabel(filters);
    chips.push({
      key: 'createdFrom',
      label: 'Requested',
      value: label,
      remove: (f) => patchFilters(f, { createdFrom: undefined, createdTo: undefined }),
    });
  }
  if (filters.pendingLongerThanSeconds !== undefined)
    add('pendingLongerThanSeconds', 'Pending over', formatPending(filters.pendingLongerThanSeconds));
  // A queue's own view is the sidebar entry, not a filter on top of it.
  const queueView = filters.view === 'queue' && filters.queueId?.length === 1;
  if (filters.queueId?.length && !queueView) add('queueId', 'Queue', names(filters.queueId, lookup.queue));
  if (filters.assigneeId?.length) add('assigneeId', 'Agent', names(filters.assigneeId, lookup.agent));
  if (filters.customerId) add('customerId', 'Customer', lookup.customer(filters.customerId) ?? '…');
  if (filters.tag?.length) add('tag', 'Tag', names(filters.tag, lookup.tag));
  return chips;
}

/** "Clear filters": the tray's filters go; the base view (a queue's included), search and order stay. */
export function clearTrayFilters(filters: ViewFilters): ViewFilters {
  const { view, q, sort, direction } = filters;
  const queueId = view === 'queue' ? filters.queueId : undefined;
  return patchFilters({ view }, { queueId, q, sort, direction });
}
