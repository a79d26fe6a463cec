import type {
  Channel,
  CreateTemplateRequest,
  Template,
  TemplateList,
  TemplateListQuery,
  UpdateTemplateRequest,
} from '@parley/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export const templatesKey = ['templates'] as const;

function listUrl(filter: TemplateListQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, String(value));
  const query = params.toString();
  return query ? `/api/templates?${query}` : '/api/templates';
}

/** The templates matching the filter (the settings screen). */
export function useTemplates(filter: TemplateListQuery) {
  return useQuery({
    queryKey: [...templatesKey, filter],
    queryFn: ({ signal }) => api.get<TemplateList>(listUrl(filter), { signal }),
    placeholderData: keepPreviousData,
  });
}

/**
 * Every template an agent may use on the channel (restricted to it or unrestricted), for the
 * pickers; they search it in the browser. A conversation without a channel gets every template.
 */
export function useUsableTemplates(channel: Channel | null, enabled = true) {
  const filter: TemplateListQuery = channel ? { channel } : {};
  return useQuery({
    queryKey: [...templatesKey, filter],
    queryFn: ({ signal }) => api.get<TemplateList>(listUrl(filter), { signal }),
    staleTime: 60_000,
    enabled,
  });
}

function useTemplateMutation<V, R>(run: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: templatesKey }),
  });
}

export const useCreateTemplate = () =>
  useTemplateMutation((body: CreateTemplateRequest) => api.post<Template>('/api/templates', body));

export const useUpdateTemplate = () =>
  useTemplateMutation(({ id, body }: { id: string; body: UpdateTemplateRequest }) =>
    api.patch<Template>(`/api/templates/${id}`, body),
  );

export const useDeleteTemplate = () =>
  useTemplateMutation((id: string) => api.delete<void>(`/api/templates/${id}`));
