import { Alert, Anchor, Button, Center, Chip, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { type ConversationStatus, LIMITS } from '@parley/contracts';
import { IconArrowLeft, IconPlus } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { STATUS_LOOKS } from '../conversation/conversation-looks.ts';
import { useMyConversations } from '../conversations-api.ts';
import { ConversationTable } from './ConversationTable.tsx';

const FILTERABLE: ConversationStatus[] = ['OPEN', 'WAITING', 'SOLVED'];

/** Loads the next page when `target` scrolls into view (the button stays for keyboards and old browsers). */
function useLoadOnView(load: () => void, active: boolean) {
  const target = useRef<HTMLDivElement>(null);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    const node = target.current;
    if (!node || !active || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) loadRef.current();
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [active]);
  return target;
}

/**
 * VIEW ALL: every conversation assigned to the agent (MY WORK without its limit of
 * LIMITS.myWorkList), newest customer message first, filterable by status. ALL WORK's "mine"
 * filter replaces it once that screen exists.
 */
export function AllMyConversationsPage({ onNew }: { onNew: () => void }) {
  const [statuses, setStatuses] = useState<ConversationStatus[]>([]);
  const list = useMyConversations(statuses);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = () => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  };
  const sentinel = useLoadOnView(loadMore, hasNextPage);

  return (
    <Stack gap="md" maw={1400}>
      <Anchor component={Link} to="/my-work" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> My work
        </Group>
      </Anchor>
      <PageHeader
        title="All my conversations"
        description={`Everything assigned to you that is not closed; MY WORK shows the newest ${LIMITS.myWorkList}.`}
        action={
          <Button leftSection={<IconPlus size={16} />} onClick={onNew} data-testid="new-conversation-button">
            New conversation
          </Button>
        }
      />
      <Group gap="xs" aria-label="Filter by status" role="group">
        <Chip.Group multiple value={statuses} onChange={(v) => setStatuses(v as ConversationStatus[])}>
          {FILTERABLE.map((s) => (
            <Chip
              key={s}
              value={s}
              size="sm"
              color={STATUS_LOOKS[s].color}
              data-testid={`status-filter-${s}`}
            >
              {STATUS_LOOKS[s].label}
            </Chip>
          ))}
        </Chip.Group>
        {statuses.length > 0 && (
          <Button variant="subtle" size="compact-sm" onClick={() => setStatuses([])}>
            Clear
          </Button>
        )}
      </Group>
      {list.isPending && (
        <Center py="xl">
          <Loader size="sm" />
        </Center>
      )}
      {list.isError && (
        <Alert color="red" title="Could not load your conversations">
          {list.error.message}
        </Alert>
      )}
      {list.data && rows.length === 0 && (
        <Text c="dimmed" py="lg" ta="center">
          {statuses.length ? 'No conversation of yours has that status.' : 'Nothing is assigned to you.'}
        </Text>
      )}
      {rows.length > 0 && (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          <ConversationTable items={rows} label="All my conversations" testId="my-conversations-list" />
        </Paper>
      )}
      <div ref={sentinel} />
      {hasNextPage && (
        <Center>
          <Button variant="default" size="xs" loading={isFetchingNextPage} onClick={loadMore}>
            Load more
          </Button>
        </Center>
      )}
    </Stack>
  );
}
