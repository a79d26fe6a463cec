import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { isApiError } from '../../../lib/api.ts';

/** Headlines for the refusals an agent can meet here; the server's message says the rest. */
const TITLES: Partial<Record<string, string>> = {
  channel_unavailable: 'Parley cannot send from there',
  conflict: 'This customer already has an open conversation there',
  limit_exceeded: 'Too long',
  validation_failed: 'Check the form',
  not_found: 'The customer no longer exists',
  forbidden: 'Not allowed',
  network_error: 'No connection',
};

/** The conversation a `conflict` refusal names (D2: one open conversation per thread). */
function conflictingConversationId(error: unknown): string | null {
  if (!isApiError(error, 'conflict')) return null;
  const details = error.details as { conversationId?: unknown } | undefined;
  return typeof details?.conversationId === 'string' ? details.conversationId : null;
}

/** Why the server refused to start the conversation, with a way forward where there is one. */
export function NewConversationError({ error, onOpen }: { error: Error; onOpen: (id: string) => void }) {
  const code = isApiError(error) ? error.code : 'internal_error';
  const existing = conflictingConversationId(error);
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={TITLES[code] ?? 'Could not start the conversation'}
      data-testid="new-conversation-error"
      data-code={code}
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{error.message}</Text>
        {existing && (
          <Button size="xs" variant="light" color="red" onClick={() => onOpen(existing)}>
            Open that conversation
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
