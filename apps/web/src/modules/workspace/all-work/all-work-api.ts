import type {
  BulkActionRequest,
  BulkActionResult,
  BulkTranscriptRequest,
  ConversationListItem,
  CreateViewRequest,
  Page,
  SavedView,
  SavedViewList,
  UpdateViewRequest,
  ViewCount,
  ViewCounts,
  ViewFilters,
} from '@parley/contracts';
import {
  type InfiniteData,
  keepPreviousData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { api, requestFile } from '../../../lib/api.ts';
import { useRealtimeEvent } from '../../../lib/realtime.tsx';
import { conversationListsKey } from '../conversations-api.ts';
import { mergeConversation, removeRow, type SharedConversation } from '../my-work/list-patch.ts';
import { listQueryString } from './list-url.ts';
import { createThrottle } from './throttle.ts';

// ALL WORK's server state: the list (keyset pages), its total, the sidebar counts, saved views,
// bulk actions and transcript downloads, and the realtime events that keep them current.

type ListPage = Page<ConversationListItem>;

export const allWorkKey = ['all-work'] as const;
const listPrefix = [...allWorkKey, 'list'] as const;
export const sidebarCountsKey = [...allWorkKey, 'counts'] as const;
const listCountPrefix = [...allWorkKey, 'count'] as const;
export const savedViewsKey = [...allWorkKey, 'views'] as const;

/** Rows per keyset page of the list. */
export const LIST_PAGE_SIZE = 50;

/** Sidebar counts re-read on conversation events at most this often (issue 5: once per second). */
export const COUNTS_REFRESH_MS = 1000;

/** The list in keyset pages, the next one loaded on demand; the previous list stays while a new one loads. */
export function useWorkList(filters: ViewFilters) {
  const query = listQueryString(filters).toString();
  return useInfiniteQuery({
    queryKey: [...listPrefix, query],
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams(query);
      params.set('limit', String(LIST_PAGE_SIZE));
      if (pageParam) params.set('cursor', pageParam);
      return api.get<ListPage>(`/api/conversations?${params}`, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    refetchOnMount: 'always',
  });
}

/** How many conversations the list holds (capped like the sidebar). */
export function useListCount(filters: ViewFilters) {
  const query = listQueryString(filters).toString();
  return useQuery({
    queryKey: [...listCountPrefix, query],
    queryFn: ({ signal }) => api.get<ViewCount>(`/api/views/count?${query}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSidebarCounts() {
  return useQuery({
    queryKey: sidebarCountsKey,
    queryFn: ({ signal }) => api.get<ViewCounts>('/api/views/counts', { signal }),
    refetchOnMount: 'always',
  });
}

export function useSavedViews() {
  return useQuery({
    queryKey: savedViewsKey,
    queryFn: ({ signal }) => api.get<SavedViewList>('/api/views', { signal }),
  });
}

/** "10k+" above the cap, else the number. */
export function formatCount(count: ViewCount | undefined): string {
  if (!count) return '';
  return count.capped ? `${Math.floor(count.count / 1000)}k+` : count.count.toLocaleString();
}

function refreshViews(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: savedViewsKey });
  void queryClient.invalidateQueries({ queryKey: sidebarCountsKey });
}

export function useCreateView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateViewRequest) => api.post<SavedView>('/api/views', body),
    onSuccess: () => refreshViews(queryClient),
    meta: { inlineError: true },
  });
}

export function useUpdateView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateViewRequest }) =>
      api.patch<SavedView>(`/api/views/${id}`, body),
    onSuccess: () => refreshViews(queryClient),
    meta: { inlineError: true },
  });
}

export function useDeleteView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/views/${id}`),
    onSuccess: () => refreshViews(queryClient),
  });
}

/** A bulk action; afterwards every ALL WORK query and the workspace lists are read again. */
export function useBulkAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkActionRequest) => api.post<BulkActionResult>('/api/conversations/bulk', body),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: allWorkKey });
      void queryClient.invalidateQueries({ queryKey: conversationListsKey });
    },
    meta: { inlineError: true },
  });
}

/** Hands a file to the browser's downloads. */
function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL; give the browser a moment before letting it go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** D9 bulk download: the server's .zip of one transcript per conversation. */
export function useTranscriptDownload() {
  return useMutation({
    mutationFn: async (body: BulkTranscriptRequest) => {
      const file = await requestFile('/api/conversations/transcripts', body);
      saveFile(file.blob, file.fileName ?? 'transcripts.zip');
    },
    meta: { inlineError: true },
  });
}

function patchListRows(
  queryClient: QueryClient,
  edit: (rows: ConversationListItem[]) => ConversationListItem[],
) {
  queryClient.setQueriesData<InfiniteData<ListPage>>({ queryKey: listPrefix }, (data) => {
    if (!data) return data;
    let changed = false;
    const pages = data.pages.map((page) => {
      const items = edit(page.items);
      if (items !== page.items) changed = true;
      return items === page.items ? page : { ...page, items };
    });
    return changed ? { ...data, pages } : data;
  });
}

/**
 * Keeps ALL WORK current: a changed conversation updates its row in place, one that left the
 * caller's sight leaves the list, and the counts (sidebar and list total) are read again at most
 * once per COUNTS_REFRESH_MS. Rows are not added or reordered live — that would move the row under
 * the pointer; they come with the next read of the list (a bulk action, a filter change, Refresh).
 */
export function useAllWorkLive(): void {
  const queryClient = useQueryClient();
  const throttle = useMemo(
    () =>
      createThrottle(() => {
        void queryClient.invalidateQueries({ queryKey: sidebarCountsKey });
        void queryClient.invalidateQueries({ queryKey: listCountPrefix });
      }, COUNTS_REFRESH_MS),
    [queryClient],
  );
  useEffect(() => () => throttle.cancel(), [throttle]);

  useRealtimeEvent('conversation.changed', ({ payload }) => {
    patchListRows(queryClient, (rows) => mergeConversation(rows, payload.conversation as SharedConversation));
    throttle.trigger();
  });
  useRealtimeEvent('conversation.removed', ({ payload }) => {
    patchListRows(queryClient, (rows) => removeRow(rows, payload.conversationId));
    throttle.trigger();
  });
}
