import type {
  ReplaceRoutingRulesRequest,
  RoutingRule,
  RoutingRuleInput,
  RoutingRuleList,
  SimulateRoutingRequest,
  SimulateRoutingResult,
} from '@parley/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export const routingRulesKey = ['routing-rules'] as const;

export function useRoutingRules() {
  return useQuery({
    queryKey: routingRulesKey,
    queryFn: ({ signal }) => api.get<RoutingRuleList>('/api/routing/rules', { signal }),
  });
}

/** A saved rule as an item of a replacement list (keeps its identity). */
export function toInput(rule: RoutingRule): RoutingRuleInput {
  return {
    id: rule.id,
    name: rule.name,
    enabled: rule.enabled,
    expression: rule.expression,
    queueId: rule.queueId,
    priority: rule.priority,
    tagIds: rule.tagIds,
    botId: rule.botId,
    routeOnlyDuringWorkingHours: rule.routeOnlyDuringWorkingHours,
  };
}

/** Saves the whole ordered list (create, edit, delete and reorder are all a replacement). */
export function useReplaceRoutingRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rules: RoutingRuleInput[]) =>
      api.put<RoutingRuleList>('/api/routing/rules', { rules } satisfies ReplaceRoutingRulesRequest),
    onSuccess: (list) => queryClient.setQueryData(routingRulesKey, list),
    // A refused save leaves the list as the server has it (an optimistic reorder is undone).
    onError: () => void queryClient.invalidateQueries({ queryKey: routingRulesKey }),
  });
}

export function useSetRuleEnabled() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) =>
      api.patch<RoutingRule>(`/api/routing/rules/${id}`, { enabled }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: routingRulesKey }),
  });
}

export function useSimulateRouting() {
  return useMutation({
    mutationFn: (body: SimulateRoutingRequest) =>
      api.post<SimulateRoutingResult>('/api/routing/simulate', body),
    meta: { inlineError: true },
  });
}
