import { Alert, Box, Button, Group, Loader, Stack, Text } from '@mantine/core';
import type { RoutingRule, RoutingRuleInput, RuleEvaluation, SimulateRoutingResult } from '@parley/contracts';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { RuleFormModal } from './RuleFormModal.tsx';
import { RuleList } from './RuleList.tsx';
import { moveItem } from './reorder.ts';
import {
  routingRulesKey,
  toInput,
  useReplaceRoutingRules,
  useRoutingRules,
  useSetRuleEnabled,
} from './routing-api.ts';
import { SimulatePanel } from './SimulatePanel.tsx';
import { useRoutingChoices } from './use-routing-choices.ts';

/** Supervisors: the ordered D4 routing rules, edited and saved whole, with a simulator beside them. */
export function RoutingRulesPage() {
  const rules = useRoutingRules();
  const choices = useRoutingChoices();
  const replace = useReplaceRoutingRules();
  const setEnabled = useSetRuleEnabled();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<RoutingRule | 'new' | null>(null);
  const [deleting, setDeleting] = useState<RoutingRule | null>(null);
  const [simulation, setSimulation] = useState<SimulateRoutingResult | null>(null);
  const items = rules.data?.items ?? [];

  const outcomes = new Map<string, RuleEvaluation['outcome']>();
  for (const r of simulation?.rules ?? []) if (r.ruleId) outcomes.set(r.ruleId, r.outcome);

  // Every change saves the whole list; the simulation refers to the old one, so it is cleared.
  const save = (next: RoutingRuleInput[], after?: () => void) => {
    setSimulation(null);
    replace.mutate(next, { onSuccess: after });
  };

  const move = (from: number, to: number) => {
    const next = moveItem(items, from, to);
    // Shown at once; a refused save refetches the server's order.
    queryClient.setQueryData(routingRulesKey, { items: next.map((r, i) => ({ ...r, order: i + 1 })) });
    save(next.map(toInput));
  };

  const saveRule = (input: RoutingRuleInput) => {
    const list = items.map(toInput);
    const next = input.id ? list.map((r) => (r.id === input.id ? input : r)) : [...list, input];
    save(next, () => setEditing(null));
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title="Routing"
        description="The first enabled rule that matches a new conversation sets its queue, priority and tags."
        action={
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setEditing('new')}
            data-testid="routing-new-rule"
          >
            New rule
          </Button>
        }
      />
      <Group align="flex-start" gap="lg" wrap="nowrap">
        <Box flex={1} miw={0}>
          {rules.isPending && <Loader />}
          {rules.error && (
            <Alert color="red" title="Could not load the rules">
              {rules.error.message}
            </Alert>
          )}
          {rules.data && items.length === 0 && (
            <Text c="dimmed">No rules yet: every new conversation goes to the Default queue.</Text>
          )}
          {items.length > 0 && (
            <RuleList
              rules={items}
              choices={choices}
              outcomes={outcomes}
              onMove={move}
              onToggle={(rule, enabled) => {
                setSimulation(null);
                setEnabled.mutate({ id: rule.id, enabled });
              }}
              onEdit={setEditing}
              onDelete={setDeleting}
            />
          )}
        </Box>
        <Box w={340} style={{ flexShrink: 0 }}>
          <SimulatePanel choices={choices} onResult={setSimulation} />
        </Box>
      </Group>
      {editing && (
        <RuleFormModal
          rule={editing === 'new' ? null : toInput(editing)}
          choices={choices}
          saving={replace.isPending}
          onSave={saveRule}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete routing rule"
        confirmLabel="Delete rule"
        loading={replace.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() =>
          save(items.filter((r) => r.id !== deleting?.id).map(toInput), () => setDeleting(null))
        }
      >
        “{deleting?.name}” stops routing new conversations. Conversations it already routed stay where they
        are.
      </ConfirmDialog>
    </Stack>
  );
}
