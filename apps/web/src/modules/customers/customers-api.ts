import type {
  AttributeDefinition,
  AttributeDefinitionList,
  Conversation,
  CreateAttributeDefinitionRequest,
  CreateCustomerRequest,
  Customer,
  CustomerCardConfig,
  CustomerDetail,
  CustomerPage,
  CustomerTagList,
  ImportCustomersResult,
  UpdateAttributeDefinitionRequest,
  UpdateCustomerCardRequest,
  UpdateCustomerRequest,
} from '@parley/contracts';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { conversationKey } from '../workspace/conversation/conversation-api.ts';

export const customersKey = ['customers'] as const;
export const customerKey = (id: string) => ['customers', 'one', id] as const;
export const attributesKey = ['customer-attributes'] as const;
export const customerCardKey = ['customer-card'] as const;

const PAGE = 30;

/**
 * Search (name, place, address, tag, attribute value) in keyset pages by name; the one search of
 * the customer list and both pickers (`enabled` false pauses it).
 */
export function useCustomerSearch(q: string, limit = PAGE, enabled = true) {
  return useInfiniteQuery({
    enabled,
    queryKey: [...customersKey, 'search', q, limit],
    queryFn: ({ pageParam, signal }) =>
      api.get<CustomerPage>(
        `/api/customers?q=${encodeURIComponent(q)}&limit=${limit}${pageParam ? `&cursor=${pageParam}` : ''}`,
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(id: string | null) {
  return useQuery({
    queryKey: customerKey(id ?? ''),
    queryFn: () => api.get<CustomerDetail>(`/api/customers/${id}`),
    enabled: id !== null,
  });
}

export function useAttributeDefinitions() {
  return useQuery({
    queryKey: attributesKey,
    queryFn: () => api.get<AttributeDefinitionList>('/api/customer-attributes'),
  });
}

export function useCustomerCardConfig() {
  return useQuery({
    queryKey: customerCardKey,
    queryFn: () => api.get<CustomerCardConfig>('/api/customer-card'),
  });
}

export function useCustomerTagNames() {
  return useQuery({
    queryKey: ['customer-tags'],
    queryFn: () => api.get<CustomerTagList>('/api/customer-tags'),
  });
}

/** Mutations of profiles refresh every customer query (lists, profiles, the card). */
function useCustomerMutation<V, R>(mutationFn: (variables: V) => Promise<R>, inlineError = false) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    meta: { inlineError },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: customersKey });
      void queryClient.invalidateQueries({ queryKey: ['customer-tags'] });
    },
  });
}

export function useCreateCustomer() {
  return useCustomerMutation(
    (body: CreateCustomerRequest) => api.post<Customer>('/api/customers', body),
    true,
  );
}

/** Changes a profile; the caller shows refusals (view-only fields, taken addresses) in place. */
export function useUpdateCustomer(id: string) {
  return useCustomerMutation(
    (body: UpdateCustomerRequest) => api.patch<Customer>(`/api/customers/${id}`, body),
    true,
  );
}

export function useDeleteCustomer() {
  return useCustomerMutation((id: string) => api.delete<void>(`/api/customers/${id}`));
}

export function useMergeCustomers(keptId: string) {
  return useCustomerMutation(
    (mergedCustomerId: string) => api.post<Customer>(`/api/customers/${keptId}/merge`, { mergedCustomerId }),
    true,
  );
}

export function useImportCustomers() {
  return useCustomerMutation(
    (csv: string) => api.post<ImportCustomersResult>('/api/customers/import', { csv }),
    true,
  );
}

/** Links the conversation to a customer or unlinks it (null); the open conversation updates at once. */
export function useSetConversationCustomer(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (customerId: string | null) =>
      api.put<Conversation>(`/api/conversations/${conversationId}/customer`, { customerId }),
    meta: { inlineError: true },
    onSuccess: (conversation) => {
      queryClient.setQueryData<Conversation>(conversationKey(conversationId), (old) => ({
        ...conversation,
        unreadCount: old?.unreadCount ?? conversation.unreadCount,
      }));
      void queryClient.invalidateQueries({ queryKey: customersKey });
    },
  });
}

function useSettingsMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    meta: { inlineError: true },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: attributesKey });
      void queryClient.invalidateQueries({ queryKey: customerCardKey });
      void queryClient.invalidateQueries({ queryKey: customersKey });
    },
  });
}

export function useCreateAttribute() {
  return useSettingsMutation((body: CreateAttributeDefinitionRequest) =>
    api.post<AttributeDefinition>('/api/customer-attributes', body),
  );
}

export function useUpdateAttribute() {
  return useSettingsMutation(({ id, ...body }: UpdateAttributeDefinitionRequest & { id: string }) =>
    api.patch<AttributeDefinition>(`/api/customer-attributes/${id}`, body),
  );
}

export function useDeleteAttribute() {
  return useSettingsMutation((id: string) => api.delete<void>(`/api/customer-attributes/${id}`));
}

export function useSaveCustomerCard() {
  return useSettingsMutation((body: UpdateCustomerCardRequest) =>
    api.put<CustomerCardConfig>('/api/customer-card', body),
  );
}
