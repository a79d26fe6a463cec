import type { ViewFilters } from '@parley/contracts';
import { useRef } from 'react';
import { useSearchParams } from 'react-router';
import { type ListState, readListUrl, writeListUrl } from './list-url.ts';

export type FilterEdit = (filters: ViewFilters) => ViewFilters;
export type EditFilters = (edit: FilterEdit, options?: { replace?: boolean }) => void;

/**
 * The list state of the URL, and edits of it. An edit applies to the newest list asked for — even
 * one whose navigation has not rendered yet — so two quick changes (a quick filter, then a tray
 * field) both land instead of the second undoing the first.
 */
export function useListUrl(): { state: ListState; go: (next: ListState) => void; editFilters: EditFilters } {
  const [params, setParams] = useSearchParams();
  const current = params.toString();
  // Read by edits, so a handler kept from an older render still builds on the newest list.
  const rendered = useRef(current);
  rendered.current = current;
  // The URL rendered when edits started, and the URLs asked for since, newest last.
  const pending = useRef<{ from: string; asked: string[] } | null>(null);
  const seen = pending.current;
  if (seen && (current === seen.asked.at(-1) || (current !== seen.from && !seen.asked.includes(current)))) {
    // Caught up, or another navigation (back/forward, a link) took over.
    pending.current = null;
  }

  const navigate = (next: ListState, replace = false) => {
    const url = writeListUrl(next);
    const from = pending.current?.from ?? rendered.current;
    pending.current = { from, asked: [...(pending.current?.asked ?? []), url.toString()] };
    setParams(url, { replace });
  };

  return {
    state: readListUrl(params),
    go: (next) => navigate(next),
    editFilters: (edit, options) => {
      const base = readListUrl(new URLSearchParams(pending.current?.asked.at(-1) ?? rendered.current));
      navigate({ filters: edit(base.filters), savedViewId: base.savedViewId }, options?.replace);
    },
  };
}
