import type { ViewFilters } from '@parley/contracts';

/**
 * The bulk selection: rows picked one by one (or the loaded page), or "all conversations matching"
 * the list — which the server resolves from the filter, never from ids collected here.
 */
export type Selection = { mode: 'ids'; ids: ReadonlySet<string> } | { mode: 'matching' };

export const NOTHING_SELECTED: Selection = { mode: 'ids', ids: new Set() };

/** Ticks or unticks one row. Unticking a row of "all matching" keeps the other loaded rows ticked. */
export function toggleRow(selection: Selection, id: string, loadedIds: readonly string[]): Selection {
  if (selection.mode === 'matching') {
    return { mode: 'ids', ids: new Set(loadedIds.filter((loaded) => loaded !== id)) };
  }
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { mode: 'ids', ids };
}

/** The header checkbox: ticks every loaded row, or clears when they all are. */
export function togglePage(selection: Selection, loadedIds: readonly string[]): Selection {
  return isPageSelected(selection, loadedIds) ? NOTHING_SELECTED : { mode: 'ids', ids: new Set(loadedIds) };
}

export function isPageSelected(selection: Selection, loadedIds: readonly string[]): boolean {
  if (selection.mode === 'matching') return true;
  return loadedIds.length > 0 && loadedIds.every((id) => selection.ids.has(id));
}

export function isRowSelected(selection: Selection, id: string): boolean {
  return selection.mode === 'matching' || selection.ids.has(id);
}

export function isEmpty(selection: Selection): boolean {
  return selection.mode === 'ids' && selection.ids.size === 0;
}

/** What a bulk request names: the ticked ids, or the list's filter for "all matching". */
export function bulkTarget(
  selection: Selection,
  filters: ViewFilters,
): { ids: string[] } | { filter: ViewFilters } {
  return selection.mode === 'matching' ? { filter: filters } : { ids: [...selection.ids] };
}
