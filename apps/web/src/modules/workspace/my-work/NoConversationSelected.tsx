import { Center, Kbd, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconMessages } from '@tabler/icons-react';

/** The right pane of MY WORK while no conversation is open. */
export function NoConversationSelected() {
  return (
    <Center flex={1} p="xl" data-testid="no-conversation-selected">
      <Stack align="center" gap="xs" maw={340} ta="center">
        <ThemeIcon size={56} radius="xl" variant="light">
          <IconMessages size={28} stroke={1.5} />
        </ThemeIcon>
        <Text fw={600} mt="xs">
          Select a conversation
        </Text>
        <Text size="sm" c="dimmed">
          Pick one from the list to read and reply. Move through the list with <Kbd size="xs">j</Kbd>{' '}
          <Kbd size="xs">k</Kbd> and open with <Kbd size="xs">Enter</Kbd>; <Kbd size="xs">+</Kbd> starts a new
          conversation.
        </Text>
      </Stack>
    </Center>
  );
}
