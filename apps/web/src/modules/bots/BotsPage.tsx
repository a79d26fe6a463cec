import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Loader,
  Menu,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import type { Bot, BotKind, CreatedBot } from '@parley/contracts';
import { IconChevronDown } from '@tabler/icons-react';
import { useState } from 'react';
import { formatDuration } from '../../lib/format-duration.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { RowActions } from '../../ui/RowActions.tsx';
import { CHANNEL_LOOKS } from '../workspace/channel-icon.tsx';
import { BotFormModal } from './BotFormModal.tsx';
import { useBots, useDeleteBot } from './bots-api.ts';

function SecretModal({ created, onClose }: { created: CreatedBot; onClose: () => void }) {
  return (
    <Modal opened onClose={onClose} title={`${created.bot.name} is ready`} size={560}>
      <Stack gap="sm" data-testid="bot-secret">
        <Text fz="sm">
          Parley signs every webhook call to this bot with this secret. Copy it now: it is not shown again.
        </Text>
        <Code block data-testid="bot-signing-secret">
          {created.signingSecret}
        </Code>
        <Group justify="flex-end">
          <CopyButton value={created.signingSecret ?? ''}>
            {({ copied, copy }) => (
              <Button variant="light" onClick={copy}>
                {copied ? 'Copied' : 'Copy secret'}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

const scope = (bot: Bot) =>
  [bot.channel ? CHANNEL_LOOKS[bot.channel].label : 'Any channel', bot.destination ?? 'any destination'].join(
    ' · ',
  );

/** Supervisors: the bots conversations can go to first (D4), external webhook bots and keyword auto-reply bots. */
export function BotsPage() {
  const bots = useBots();
  const remove = useDeleteBot();
  const [editing, setEditing] = useState<{ bot: Bot | null; kind: BotKind } | null>(null);
  const [created, setCreated] = useState<CreatedBot | null>(null);
  const [deleting, setDeleting] = useState<Bot | null>(null);
  const items = bots.data?.items ?? [];

  return (
    <Stack gap="lg">
      <PageHeader
        title="Bots"
        description="Routing rules can send conversations to a bot first; bots hand over to people."
        action={
          <Menu position="bottom-end">
            <Menu.Target>
              <Button rightSection={<IconChevronDown size={16} />} data-testid="bot-new">
                New bot
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => setEditing({ bot: null, kind: 'WEBHOOK' })}>
                External webhook bot
              </Menu.Item>
              <Menu.Item onClick={() => setEditing({ bot: null, kind: 'KEYWORD' })}>
                Keyword auto-reply bot
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        }
      />
      {bots.isPending && <Loader />}
      {bots.error && (
        <Alert color="red" title="Could not load the bots">
          {bots.error.message}
        </Alert>
      )}
      {bots.data && items.length === 0 && <Text c="dimmed">No bots yet.</Text>}
      {items.length > 0 && (
        <Paper withBorder radius="md">
          <Table verticalSpacing="sm" horizontalSpacing="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Bot</Table.Th>
                <Table.Th>Serves</Table.Th>
                <Table.Th>Session timeout</Table.Th>
                <Table.Th ta="right">Conversations now</Table.Th>
                <Table.Th w={96} aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((bot) => (
                <Table.Tr
                  key={bot.id}
                  data-testid="bot-row"
                  data-bot-name={bot.name}
                  opacity={bot.enabled ? 1 : 0.6}
                >
                  <Table.Td>
                    <Group gap={8}>
                      <Text fz="sm" fw={600}>
                        {bot.name}
                      </Text>
                      <Badge size="xs" variant="light" color={bot.kind === 'WEBHOOK' ? 'grape' : 'cyan'}>
                        {bot.kind === 'WEBHOOK' ? 'Webhook' : 'Keyword'}
                      </Badge>
                      {!bot.enabled && (
                        <Badge size="xs" variant="outline" color="gray">
                          Disabled
                        </Badge>
                      )}
                    </Group>
                    <Text fz="xs" c="dimmed" truncate="end" maw={360}>
                      {bot.kind === 'WEBHOOK'
                        ? bot.webhookUrl
                        : `${bot.keywordRules.length} replies · hand over on ${bot.handoverKeywords.join(', ') || '—'}`}
                    </Text>
                  </Table.Td>
                  <Table.Td fz="sm">{scope(bot)}</Table.Td>
                  <Table.Td fz="sm">{formatDuration(bot.sessionTimeoutSeconds * 1000)}</Table.Td>
                  <Table.Td fz="sm" ta="right" ff="monospace">
                    {bot.activeConversations}
                  </Table.Td>
                  <Table.Td>
                    <RowActions
                      name={bot.name}
                      onEdit={() => setEditing({ bot, kind: bot.kind })}
                      onDelete={() => setDeleting(bot)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {editing && (
        <BotFormModal
          bot={editing.bot}
          kind={editing.kind}
          onClose={() => setEditing(null)}
          onCreated={(result) => {
            setEditing(null);
            // Only webhook bots have a secret to show.
            if (result.signingSecret) setCreated(result);
          }}
        />
      )}
      {created && <SecretModal created={created} onClose={() => setCreated(null)} />}
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete bot"
        confirmLabel="Delete bot"
        loading={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      >
        “{deleting?.name}” is deleted. Conversations it holds are handed to people (re-routed).
      </ConfirmDialog>
    </Stack>
  );
}
