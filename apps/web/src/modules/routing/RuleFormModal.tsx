import {
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  PRIORITIES,
  type Priority,
  parseRoutingExpression,
  type RoutingExpression,
  type RoutingRuleInput,
} from '@parley/contracts';
import { useState } from 'react';
import { ConditionBuilder } from './ConditionBuilder.tsx';
import { type ConditionModel, emptyModel, expressionToModel, modelToExpression } from './condition-model.ts';
import type { RoutingChoices } from './use-routing-choices.ts';

const PRIORITY_OPTIONS = PRIORITIES.map((p) => ({ value: p, label: p.charAt(0) + p.slice(1).toLowerCase() }));

type Mode = 'builder' | 'json';

/** The expression being edited, or the reason it cannot be saved yet. */
function currentExpression(
  mode: Mode,
  model: ConditionModel,
  json: string,
  choices: RoutingChoices,
): RoutingExpression | string {
  if (mode === 'builder') {
    return modelToExpression(model, choices.kindOf) ?? 'Complete every condition (each needs a value).';
  }
  try {
    const parsed = parseRoutingExpression(JSON.parse(json));
    return parsed.ok ? (JSON.parse(json) as RoutingExpression) : `${parsed.path}: ${parsed.message}`;
  } catch {
    return 'The expression is not valid JSON.';
  }
}

/** Creates or edits one routing rule: its condition (builder or JSON) and its actions. */
export function RuleFormModal({
  rule,
  choices,
  saving,
  onSave,
  onClose,
}: {
  rule: RoutingRuleInput | null;
  choices: RoutingChoices;
  saving: boolean;
  onSave: (rule: RoutingRuleInput) => void;
  onClose: () => void;
}) {
  const initialModel = rule ? expressionToModel(rule.expression) : emptyModel();
  const [name, setName] = useState(rule?.name ?? '');
  // An expression the builder cannot show opens as JSON.
  const [mode, setMode] = useState<Mode>(initialModel ? 'builder' : 'json');
  const [model, setModel] = useState<ConditionModel>(initialModel ?? emptyModel());
  const [json, setJson] = useState(JSON.stringify(rule?.expression ?? {}, null, 2));
  const [queueId, setQueueId] = useState<string | null>(rule?.queueId ?? null);
  const [priority, setPriority] = useState<Priority>(rule?.priority ?? 'NORMAL');
  const [tagIds, setTagIds] = useState<string[]>(rule?.tagIds ?? []);
  const [botId, setBotId] = useState<string | null>(rule?.botId ?? null);
  const [onlyOpen, setOnlyOpen] = useState(rule?.routeOnlyDuringWorkingHours ?? false);
  const [enabled, setEnabled] = useState(rule?.enabled ?? true);
  const [submitted, setSubmitted] = useState(false);

  const expression = currentExpression(mode, model, json, choices);
  const problem = typeof expression === 'string' ? expression : null;

  const switchMode = (next: Mode) => {
    if (next === 'json') {
      setJson(JSON.stringify(modelToExpression(model, choices.kindOf) ?? {}, null, 2));
    } else {
      const back = typeof expression === 'string' ? null : expressionToModel(expression);
      if (!back) return; // The JSON has a shape the builder cannot show: stay.
      setModel(back);
    }
    setMode(next);
  };

  const submit = () => {
    setSubmitted(true);
    if (problem || !queueId || !name.trim()) return;
    onSave({
      ...(rule?.id ? { id: rule.id } : {}),
      name: name.trim(),
      enabled,
      expression: expression as RoutingExpression,
      queueId,
      priority,
      tagIds,
      botId,
      routeOnlyDuringWorkingHours: onlyOpen,
    });
  };

  const jsonBlocked = mode === 'json' && (problem !== null || !expressionToModel(expression));
  return (
    <Modal opened onClose={onClose} title={rule ? 'Edit routing rule' : 'New routing rule'} size={860}>
      <Stack gap="md" data-testid="rule-form">
        <Group align="flex-end" gap="md">
          <TextInput
            label="Name"
            flex={1}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={submitted && !name.trim() ? 'Give the rule a name' : undefined}
            data-autofocus
          />
          <Switch
            label="Enabled"
            checked={enabled}
            onChange={(e) => setEnabled(e.currentTarget.checked)}
            mb={8}
          />
        </Group>
        <Stack gap={6}>
          <Group justify="space-between">
            <Text fw={600} fz="sm">
              When
            </Text>
            <SegmentedControl
              size="xs"
              value={mode}
              onChange={(v) => switchMode(v as Mode)}
              data={[
                { value: 'builder', label: 'Builder' },
                { value: 'json', label: 'Expression (JSON)' },
              ]}
            />
          </Group>
          {mode === 'builder' ? (
            <ConditionBuilder value={model} onChange={setModel} choices={choices} />
          ) : (
            <Textarea
              aria-label="Expression"
              autosize
              minRows={6}
              ff="monospace"
              value={json}
              onChange={(e) => setJson(e.currentTarget.value)}
              description={
                jsonBlocked && !problem
                  ? 'This expression nests deeper than the builder shows; edit it here.'
                  : 'The reference expression format: $eq, $neq, $in, $nin, $lt, $lte, $gt, $gte, $contains, $and, $or, $not, $withinWorkingHours.'
              }
            />
          )}
          {submitted && problem && (
            <Text c="red" fz="sm" data-testid="condition-problem">
              {problem}
            </Text>
          )}
        </Stack>
        <Text fw={600} fz="sm">
          Then
        </Text>
        <SimpleGrid cols={2} spacing="md">
          <Select
            label="Queue"
            data-testid="rule-queue"
            data={choices.queues}
            value={queueId}
            onChange={setQueueId}
            searchable
            allowDeselect={false}
            error={submitted && !queueId ? 'Choose the queue' : undefined}
          />
          <Select
            label="Priority"
            data={PRIORITY_OPTIONS}
            value={priority}
            onChange={(v) => v && setPriority(v as Priority)}
            allowDeselect={false}
          />
          <MultiSelect label="Add tags" data={choices.tags} value={tagIds} onChange={setTagIds} searchable />
          <Select
            label="Bot first"
            placeholder="No bot: straight to people"
            data={choices.bots}
            value={botId}
            onChange={setBotId}
            clearable
          />
        </SimpleGrid>
        <Checkbox
          label="Route only while the queue is within its working hours (otherwise the next rule is tried)"
          checked={onlyOpen}
          onChange={(e) => setOnlyOpen(e.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={saving} data-testid="rule-save">
            {rule ? 'Save rule' : 'Create rule'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
