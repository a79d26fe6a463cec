import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconEyeOff } from '@tabler/icons-react';

/** The conversation left the user's sight (assigned away, moved out of their queues) or never was in it. */
export function Gone() {
  return (
    <Center h="100%" p="xl" data-testid="conversation-gone">
      <Stack align="center" gap="xs" maw={380} ta="center">
        <IconEyeOff size={32} color="var(--mantine-color-dimmed)" />
        <Text fw={600}>This conversation is no longer visible to you</Text>
        <Text size="sm" c="dimmed">
          It was assigned to someone else or moved to a queue you do not belong to.
        </Text>
      </Stack>
    </Center>
  );
}

/** A load failed: what failed, the server's words, and a way to try again. */
export function LoadFailed({
  title,
  message,
  onRetry,
}: {
  title: string;
  message: string;
  onRetry: () => void;
}) {
  return (
    <Center style={{ flex: 1 }} h="100%" p="xl">
      <Alert color="red" title={title} icon={<IconAlertTriangle />}>
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{message}</Text>
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            Try again
          </Button>
        </Stack>
      </Alert>
    </Center>
  );
}

export function Loading({ label }: { label: string }) {
  return (
    <Center style={{ flex: 1 }} h="100%">
      <Loader size="sm" aria-label={label} />
    </Center>
  );
}
