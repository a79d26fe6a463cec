import { Anchor, CloseButton, Group, List, Paper, ScrollArea, Text, ThemeIcon } from '@mantine/core';
import type { BulkActionResult } from '@parley/contracts';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { Link } from 'react-router';

/** What a bulk action did: changed, already as asked, and every refusal with its conversation and reason. */
export function BulkResultPanel({
  title,
  result,
  onClose,
}: {
  title: string;
  result: BulkActionResult;
  onClose: () => void;
}) {
  const refused = result.refused.length;
  const unchanged = result.matched - result.changed - refused;
  const color = refused ? 'orange' : 'teal';
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      mx="md"
      mb="sm"
      role="status"
      data-testid="bulk-result"
      data-changed={result.changed}
      data-refused={refused}
      style={{ borderColor: `var(--mantine-color-${color}-outline)` }}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Group gap="sm" align="flex-start" wrap="nowrap">
          <ThemeIcon size="md" radius="xl" variant="light" color={color}>
            {refused ? <IconAlertTriangle size={16} /> : <IconCheck size={16} />}
          </ThemeIcon>
          <div>
            <Text size="sm" fw={600}>
              {title}
            </Text>
            <Text size="sm" data-testid="bulk-result-summary">
              Changed {result.changed}
              {unchanged > 0 && ` · already as asked ${unchanged}`}
              {` · refused ${refused}`} (of {result.matched})
            </Text>
          </div>
        </Group>
        <CloseButton size="sm" aria-label="Dismiss the result" onClick={onClose} />
      </Group>
      {refused > 0 && (
        <ScrollArea.Autosize mah={160} mt="xs" type="auto">
          <List size="sm" spacing={2} pl="xl" aria-label="Refused conversations">
            {result.refused.map((r) => (
              <List.Item
                key={r.conversationId}
                data-testid="bulk-refusal"
                data-number={r.number ?? ''}
                data-code={r.code}
              >
                {r.number === null ? (
                  <Text span size="sm" fw={600}>
                    A conversation you cannot see
                  </Text>
                ) : (
                  <Anchor component={Link} to={`/conversations/${r.conversationId}`} size="sm" fw={600}>
                    #{r.number}
                  </Anchor>
                )}
                <Text span size="sm" c="dimmed">
                  {' '}
                  — {r.message}
                </Text>
              </List.Item>
            ))}
          </List>
        </ScrollArea.Autosize>
      )}
    </Paper>
  );
}
