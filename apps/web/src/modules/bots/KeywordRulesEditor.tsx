import { ActionIcon, Button, Group, Paper, Stack, TagsInput, Text, Textarea } from '@mantine/core';
import type { KeywordRule } from '@parley/contracts';
import { IconPlus, IconTrash } from '@tabler/icons-react';

/** The built-in bot's rules: a message with any of a rule's keywords gets its reply (first rule wins). */
export function KeywordRulesEditor({
  value,
  onChange,
}: {
  value: KeywordRule[];
  onChange: (rules: KeywordRule[]) => void;
}) {
  const set = (i: number, rule: KeywordRule) => onChange(value.map((r, j) => (j === i ? rule : r)));
  return (
    <Stack gap="xs" data-testid="keyword-rules">
      <Text fz="sm" fw={500}>
        Replies
      </Text>
      {value.length === 0 && (
        <Text fz="sm" c="dimmed">
          No replies yet.
        </Text>
      )}
      {value.map((rule, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rules have no identity beyond their position
        <Paper key={i} withBorder p="xs" radius="sm" data-testid="keyword-rule">
          <Group align="flex-start" gap="xs" wrap="nowrap">
            <Stack gap={6} flex={1}>
              <TagsInput
                size="xs"
                label="When the message contains any of"
                placeholder="Type a keyword, Enter"
                value={rule.keywords}
                onChange={(keywords) => set(i, { ...rule, keywords })}
                acceptValueOnBlur
              />
              <Textarea
                size="xs"
                label="Reply"
                autosize
                minRows={2}
                value={rule.reply}
                onChange={(e) => set(i, { ...rule, reply: e.currentTarget.value })}
              />
            </Stack>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label="Remove reply"
              mt={22}
              onClick={() => onChange(value.filter((_, j) => j !== i))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        </Paper>
      ))}
      <Button
        variant="subtle"
        size="compact-sm"
        w="fit-content"
        leftSection={<IconPlus size={14} />}
        onClick={() => onChange([...value, { keywords: [], reply: '' }])}
      >
        Add reply
      </Button>
    </Stack>
  );
}
