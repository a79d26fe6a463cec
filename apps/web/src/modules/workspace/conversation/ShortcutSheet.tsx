import { Group, Kbd, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { LIST_SHORTCUTS } from '../my-work/shortcuts.ts';
import { CONVERSATION_SHORTCUTS, type SheetShortcut, STATUS_KEYS } from './conversation-shortcuts.ts';

function Keys({ shortcut }: { shortcut: SheetShortcut }) {
  const [first, ...rest] = shortcut.keys;
  return (
    <Group gap={4} wrap="nowrap">
      <Kbd size="xs">{first}</Kbd>
      {rest.map((key) => (
        <Group key={key} gap={4} wrap="nowrap">
          <Text size="xs" c="dimmed">
            {shortcut.sequence ? 'then' : 'or'}
          </Text>
          <Kbd size="xs">{key}</Kbd>
        </Group>
      ))}
    </Group>
  );
}

function Section({ title, shortcuts }: { title: string; shortcuts: readonly SheetShortcut[] }) {
  return (
    <Stack gap={6}>
      <Title order={3} fz="sm">
        {title}
      </Title>
      {shortcuts.map((s) => (
        <Group key={s.description} justify="space-between" wrap="nowrap" gap="md">
          <Text size="sm">{s.description}</Text>
          <Keys shortcut={s} />
        </Group>
      ))}
    </Stack>
  );
}

/** `?`: every key of the workspace — the lists' and the open conversation's. */
export function ShortcutSheet({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" size="xl" centered>
      <div data-testid="shortcut-sheet">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xl">
          <Section title="Conversation" shortcuts={CONVERSATION_SHORTCUTS} />
          <Section title="Lists" shortcuts={LIST_SHORTCUTS} />
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt="lg">
          Shortcuts do nothing while you type in a field; press Esc to leave it first.
        </Text>
      </div>
    </Modal>
  );
}

/** Shown while `s` waits for its status key. */
export function StatusKeyHint({ className }: { className?: string }) {
  return (
    <Paper className={className} shadow="md" px="sm" py={6} radius="xl" withBorder>
      <Text size="xs">
        Status:{' '}
        {Object.entries(STATUS_KEYS).map(([key, status]) => (
          <span key={key} style={{ marginRight: 8 }}>
            <Kbd size="xs">{key}</Kbd> {status.toLowerCase()}
          </span>
        ))}
      </Text>
    </Paper>
  );
}
