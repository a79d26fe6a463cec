import { ActionIcon, Badge, Box, Group, Paper, Stack, Switch, Text, Tooltip } from '@mantine/core';
import type { RoutingRule, RuleEvaluation } from '@parley/contracts';
import { IconArrowDown, IconArrowUp, IconGripVertical, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { describeExpression } from './describe-condition.ts';
import type { RoutingChoices } from './use-routing-choices.ts';

const OUTCOME_LOOK: Record<RuleEvaluation['outcome'], { label: string; color: string }> = {
  MATCHED: { label: 'Matches', color: 'teal' },
  NOT_MATCHED: { label: 'No match', color: 'gray' },
  DISABLED: { label: 'Disabled', color: 'gray' },
  OUTSIDE_WORKING_HOURS: { label: 'Queue closed', color: 'yellow' },
  NOT_TRIED: { label: 'Not tried', color: 'gray' },
};

const PRIORITY_COLOR = { LOW: 'gray', NORMAL: 'blue', HIGH: 'orange', URGENT: 'red' } as const;

interface RuleListProps {
  rules: RoutingRule[];
  choices: RoutingChoices;
  /** The last simulation's outcome per rule id, shown as a badge. */
  outcomes: Map<string, RuleEvaluation['outcome']>;
  onMove: (from: number, to: number) => void;
  onToggle: (rule: RoutingRule, enabled: boolean) => void;
  onEdit: (rule: RoutingRule) => void;
  onDelete: (rule: RoutingRule) => void;
}

/** The ordered rules: drag a row by its handle (or use the arrows) to change the order. */
export function RuleList({ rules, choices, outcomes, onMove, onToggle, onEdit, onDelete }: RuleListProps) {
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  return (
    <Stack gap={6} data-testid="routing-rules">
      {rules.map((rule, i) => {
        const outcome = outcomes.get(rule.id);
        return (
          <Paper
            key={rule.id}
            withBorder
            radius="md"
            px="sm"
            py={8}
            data-testid="routing-rule-row"
            data-rule-name={rule.name}
            draggable
            onDragStart={(e) => {
              setDragging(i);
              e.dataTransfer.effectAllowed = 'move';
              e.dataTransfer.setData('text/plain', String(i));
            }}
            onDragOver={(e) => {
              e.preventDefault();
              setOver(i);
            }}
            onDragLeave={() => setOver((o) => (o === i ? null : o))}
            onDrop={(e) => {
              e.preventDefault();
              const from = dragging ?? Number(e.dataTransfer.getData('text/plain'));
              setDragging(null);
              setOver(null);
              if (Number.isInteger(from) && from !== i) onMove(from, i);
            }}
            onDragEnd={() => {
              setDragging(null);
              setOver(null);
            }}
            style={{
              opacity: rule.enabled ? 1 : 0.6,
              borderColor: over === i && dragging !== i ? 'var(--mantine-color-blue-5)' : undefined,
            }}
          >
            <Group gap="sm" wrap="nowrap" align="center">
              <Box c="dimmed" style={{ cursor: 'grab' }} aria-hidden>
                <IconGripVertical size={16} />
              </Box>
              <Text fz="sm" c="dimmed" w={22} ta="right" ff="monospace">
                {i + 1}
              </Text>
              <Stack gap={2} miw={0} flex={1}>
                <Group gap={6} wrap="nowrap">
                  <Text fw={600} fz="sm" truncate="end">
                    {rule.name}
                  </Text>
                  {outcome && (
                    <Badge
                      size="xs"
                      variant="light"
                      color={OUTCOME_LOOK[outcome].color}
                      data-testid="rule-outcome"
                    >
                      {OUTCOME_LOOK[outcome].label}
                    </Badge>
                  )}
                </Group>
                <Text fz="xs" c="dimmed" lineClamp={2}>
                  If {describeExpression(rule.expression, choices)}
                </Text>
                <Group gap={6}>
                  <Text fz="xs">→ {rule.queueName}</Text>
                  <Badge size="xs" variant="light" color={PRIORITY_COLOR[rule.priority]}>
                    {rule.priority}
                  </Badge>
                  {rule.tagIds.map((id) => (
                    <Badge key={id} size="xs" variant="outline" color="gray">
                      {choices.tagName(id)}
                    </Badge>
                  ))}
                  {rule.botId && (
                    <Badge size="xs" variant="light" color="grape">
                      Bot: {choices.botName(rule.botId)}
                    </Badge>
                  )}
                  {rule.routeOnlyDuringWorkingHours && (
                    <Text fz="xs" c="dimmed">
                      working hours only
                    </Text>
                  )}
                </Group>
              </Stack>
              <Switch
                size="sm"
                aria-label={`${rule.enabled ? 'Disable' : 'Enable'} ${rule.name}`}
                checked={rule.enabled}
                onChange={(e) => onToggle(rule, e.currentTarget.checked)}
              />
              <Group gap={2} wrap="nowrap">
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`Move ${rule.name} up`}
                  disabled={i === 0}
                  onClick={() => onMove(i, i - 1)}
                >
                  <IconArrowUp size={16} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`Move ${rule.name} down`}
                  disabled={i === rules.length - 1}
                  onClick={() => onMove(i, i + 1)}
                >
                  <IconArrowDown size={16} />
                </ActionIcon>
                <Tooltip label="Edit">
                  <ActionIcon variant="subtle" aria-label={`Edit ${rule.name}`} onClick={() => onEdit(rule)}>
                    <IconPencil size={16} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label="Delete">
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Delete ${rule.name}`}
                    onClick={() => onDelete(rule)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
