import { type ConversationSort, type ConversationView, ViewFilters } from '@parley/contracts';

// The ALL WORK list lives in the URL: the query string is the list query of `GET /api/conversations`
// (without cursor and limit), plus `saved`, the saved view it was opened from. A link therefore
// opens the same list, and back/forward step through the lists visited.

/** What the list shows: its filters and ordering, and the saved view they were opened from. */
export interface ListState {
  filters: ViewFilters;
  /** Highlighted in the sidebar and the target of "Save changes"; the filters still come from the URL. */
  savedViewId: string | null;
}

/** The list fields of the query string; the others are single values. */
const LIST_FIELDS = new Set(['status', 'priority', 'channel', 'queueId', 'assigneeId', 'tag']);

/** Every filter field, in the order the query string writes them. */
const FIELDS = Object.keys(ViewFilters.shape) as (keyof ViewFilters)[];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function rawValue(field: keyof ViewFilters, text: string): unknown {
  if (LIST_FIELDS.has(field)) return text.split(',').filter(Boolean);
  if (field === 'pendingLongerThanSeconds') return text.trim() === '' ? undefined : Number(text);
  return text;
}

/**
 * Reads the list from a query string. Each field is checked on its own, so one bad value (an old
 * link, a hand-edited URL) drops only itself; `view=queue` without a queue falls back to All.
 */
export function readListUrl(params: URLSearchParams): ListState {
  const filters: Record<string, unknown> = { view: 'all' };
  for (const field of FIELDS) {
    const text = params.get(field);
    if (text === null) continue;
    const parsed = ViewFilters.shape[field].safeParse(rawValue(field, text));
    if (!parsed.success || parsed.data === undefined) continue;
    if (Array.isArray(parsed.data) && parsed.data.length === 0) continue;
    filters[field] = Array.isArray(parsed.data) ? [...new Set(parsed.data)] : parsed.data;
  }
  const result = filters as ViewFilters;
  if (result.view === 'queue' && !result.queueId?.length) result.view = 'all';
  const saved = params.get('saved');
  return { filters: result, savedViewId: saved && UUID.test(saved) ? saved : null };
}

/** The list query as a query string (`GET /api/conversations` and `/api/views/count` take it as is). */
export function listQueryString(filters: ViewFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of FIELDS) {
    const value = filters[field];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(field, value.join(','));
    } else params.set(field, String(value));
  }
  return params;
}

/** The URL of a list state: `saved` first, then the filters. */
export function writeListUrl(state: ListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.savedViewId) params.set('saved', state.savedViewId);
  for (const [key, value] of listQueryString(state.filters)) params.set(key, value);
  return params;
}

/** The filters without empty fields and with lists in a fixed order, for comparing two lists. */
function canonical(filters: ViewFilters): string {
  const params = listQueryString(filters);
  for (const field of LIST_FIELDS) {
    const value = params.get(field);
    if (value) params.set(field, value.split(',').sort().join(','));
  }
  return params.toString();
}

/** The ALL WORK address of a list (MY WORK's VIEW ALL links here). */
export function allWorkPath(filters: ViewFilters, savedViewId: string | null = null): string {
  return `/all-work?${writeListUrl({ filters, savedViewId })}`;
}

/** Whether two filter sets select and order the same list. */
export function sameFilters(a: ViewFilters, b: ViewFilters): boolean {
  return canonical(a) === canonical(b);
}

/** The filters with `patch` applied; fields patched to undefined or an empty list are dropped. */
export function patchFilters(filters: ViewFilters, patch: Partial<ViewFilters>): ViewFilters {
  const next: Record<string, unknown> = { ...filters, ...patch };
  for (const [key, value] of Object.entries(next)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) delete next[key];
  }
  const result = next as ViewFilters;
  // A queue view whose queue filter was removed is the All view.
  if (result.view === 'queue' && !result.queueId?.length) result.view = 'all';
  return result;
}

/** The sidebar's predefined views (D5) and the counts they show. */
export const PREDEFINED_VIEWS = [
  { view: 'unassigned', label: 'Unassigned', count: 'unassigned' },
  { view: 'all', label: 'All', count: 'all' },
  { view: 'history', label: 'History', count: 'history' },
  { view: 'bots', label: 'All Bots', count: 'allBots' },
] as const;

/** Which sidebar entry the list belongs to: `saved:<id>`, `queue:<id>`, a predefined view, or null (MY WORK's own list). */
export function activeEntryKey(state: ListState): string | null {
  if (state.savedViewId) return `saved:${state.savedViewId}`;
  const { view, queueId } = state.filters;
  if (view === 'queue') return queueId?.length === 1 ? `queue:${queueId[0]}` : 'all';
  return PREDEFINED_VIEWS.some((p) => p.view === view) ? view : null;
}

/** A base view's name, for titles. */
export function baseViewLabel(view: ConversationView): string {
  if (view === 'mine') return 'Assigned to me';
  if (view === 'queue') return 'Queue';
  return PREDEFINED_VIEWS.find((p) => p.view === view)?.label ?? 'All';
}

/**
 * Whether the view lists CLOSED conversations: History does; the others leave them out whatever the
 * status filter (a bot's session ends when its conversation closes, so All Bots holds none either).
 */
export const showsClosed = (view: ConversationView) => view === 'history';

type Direction = 'asc' | 'desc';

/** The server's default direction per sort (ConversationListQuery): pending and customer ascending. */
const DEFAULT_DIRECTION: Record<ConversationSort, Direction> = {
  pending: 'asc',
  customer: 'asc',
  priority: 'desc',
  requested: 'desc',
  lastCustomerMessage: 'desc',
};

/** The ordering the server applies to these filters (its defaults when the URL names none). */
export function effectiveSort(filters: ViewFilters): { sort: ConversationSort; direction: Direction } {
  const sort =
    filters.sort ??
    (filters.view === 'mine' ? 'lastCustomerMessage' : filters.view === 'history' ? 'requested' : 'pending');
  return { sort, direction: filters.direction ?? DEFAULT_DIRECTION[sort] };
}

/** A click on a sortable header: another column sorts in its usual direction, the same one reverses. */
export function sortBy(filters: ViewFilters, sort: ConversationSort): ViewFilters {
  const current = effectiveSort(filters);
  const direction =
    current.sort === sort ? (current.direction === 'asc' ? 'desc' : 'asc') : DEFAULT_DIRECTION[sort];
  return patchFilters(filters, {
    sort,
    direction: direction === DEFAULT_DIRECTION[sort] ? undefined : direction,
  });
}

/**
 * Whether the column's values run from high to low: pending shows waiting time, so its key ascending
 * (oldest "pending since" first) is the longest wait first.
 */
export function isShownDescending(sort: ConversationSort, direction: Direction): boolean {
  return sort === 'pending' ? direction === 'asc' : direction === 'desc';
}

/** How an ordering reads to people (the arrows alone are ambiguous for times). */
export const ORDER_LABELS: Record<ConversationSort, Record<Direction, string>> = {
  pending: { asc: 'longest wait first', desc: 'shortest wait first' },
  customer: { asc: 'A to Z', desc: 'Z to A' },
  priority: { desc: 'most urgent first', asc: 'least urgent first' },
  requested: { desc: 'newest first', asc: 'oldest first' },
  lastCustomerMessage: { desc: 'newest customer message first', asc: 'oldest customer message first' },
};
