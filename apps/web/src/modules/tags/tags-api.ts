import type {
  CreateTagRequest,
  Tag,
  TagKind,
  TagList,
  TagUsage,
  TagUsageList,
  UpdateTagRequest,
} from '@parley/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

/** Every tag query lives under this key: a change refreshes the workspace's catalogue too. */
export const tagsKey = ['tags'] as const;
/** Templates show their tags' names and colours, so tag changes refresh them as well. */
const templatesKey = ['templates'] as const;

/** The live catalogue of one kind, by name (the same query the conversation view uses). */
export function useTagCatalogue(kind: TagKind) {
  return useQuery({
    queryKey: [...tagsKey, kind],
    queryFn: ({ signal }) => api.get<TagList>(`/api/tags?kind=${kind}`, { signal }),
  });
}

/** How much each tag of the kind is used (supervisors). */
export function useTagUsage(kind: TagKind) {
  return useQuery({
    queryKey: [...tagsKey, 'usage', kind],
    queryFn: ({ signal }) => api.get<TagUsageList>(`/api/tags/usage?kind=${kind}`, { signal }),
  });
}

/** One tag's usage, fetched fresh when asked (the delete confirmation). */
export function useTagUsageOf(tagId: string | null) {
  return useQuery({
    queryKey: [...tagsKey, 'usage-of', tagId],
    queryFn: ({ signal }) => api.get<TagUsage>(`/api/tags/${tagId}/usage`, { signal }),
    enabled: tagId !== null,
    staleTime: 0,
    gcTime: 0,
  });
}

function useTagMutation<V, R>(run: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: tagsKey });
      void queryClient.invalidateQueries({ queryKey: templatesKey });
    },
  });
}

export const useCreateTag = () =>
  useTagMutation((body: CreateTagRequest) => api.post<Tag>('/api/tags', body));

export const useUpdateTag = () =>
  useTagMutation(({ id, body }: { id: string; body: UpdateTagRequest }) =>
    api.patch<Tag>(`/api/tags/${id}`, body),
  );

export const useDeleteTag = () => useTagMutation((id: string) => api.delete<void>(`/api/tags/${id}`));
