import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  ScrollArea,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { LIMITS } from '@parley/contracts';
import { IconArrowRight, IconPlus } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { useCurrentUser } from '../../auth/current-user.tsx';
import { allWorkPath } from '../all-work/list-url.ts';
import { useMyWork, useRecentlyViewed } from '../conversations-api.ts';
import { ConversationList } from './ConversationList.tsx';

type Tab = 'mine' | 'recent';

/** Placeholder rows while the first page loads, so the pane does not jump. */
function LoadingRows() {
  return (
    <Stack gap={0} aria-busy="true" aria-label="Loading conversations">
      {[0, 1, 2, 3, 4, 5].map((i) => (
        <Stack key={i} gap={6} px="md" py={11}>
          <Skeleton height={10} width={`${70 - i * 5}%`} />
          <Skeleton height={8} width="90%" />
        </Stack>
      ))}
    </Stack>
  );
}

function Note({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={4} p="lg" align="center" ta="center">
      <Text fw={600} size="sm">
        {title}
      </Text>
      <Text size="xs" c="dimmed" maw={260}>
        {children}
      </Text>
    </Stack>
  );
}

/** Loading, error and empty states shared by both lists; the list itself once there are rows. */
function ListState({
  query,
  empty,
  children,
}: {
  query: UseQueryResult<unknown>;
  empty: { when: boolean; title: string; text: string };
  children: ReactNode;
}) {
  if (query.isPending) return <LoadingRows />;
  if (query.isError) {
    return (
      <Alert color="red" m="sm" title="Could not load the list">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{query.error.message}</Text>
          <Button size="xs" variant="light" color="red" onClick={() => void query.refetch()}>
            Try again
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (empty.when) return <Note title={empty.title}>{empty.text}</Note>;
  return children;
}

/** The left pane of MY WORK: the agent's list or Recently viewed, the "+" and VIEW ALL (ALL WORK, my conversations). */
export function MyWorkPane({ selectedId, onNew }: { selectedId: string | undefined; onNew: () => void }) {
  const me = useCurrentUser();
  const [tab, setTab] = useState<Tab>('mine');
  const myWork = useMyWork();
  const recent = useRecentlyViewed(tab === 'recent');
  const rows = myWork.data?.items ?? [];
  const hasMore = myWork.data?.nextCursor != null || rows.length > LIMITS.myWorkList;
  const shown = rows.slice(0, LIMITS.myWorkList);

  return (
    <Stack gap={0} h="100%">
      <Group justify="space-between" px="md" pt="md" pb="xs" wrap="nowrap">
        <Group gap={8}>
          <Title order={1} fz="lg">
            My work
          </Title>
          {myWork.data && (
            <Badge variant="default" size="sm" aria-label={`${shown.length} conversations`}>
              {hasMore ? `${LIMITS.myWorkList}+` : shown.length}
            </Badge>
          )}
        </Group>
        <Tooltip label="New conversation (+)" withArrow>
          <ActionIcon
            size="lg"
            aria-label="New conversation"
            onClick={onNew}
            data-testid="new-conversation-button"
          >
            <IconPlus size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <SegmentedControl
        mx="md"
        mb="xs"
        size="xs"
        value={tab}
        onChange={(value) => setTab(value as Tab)}
        data={[
          { value: 'mine', label: 'Assigned to me' },
          { value: 'recent', label: 'Recently viewed' },
        ]}
        aria-label="Which list"
      />
      <ScrollArea
        flex={1}
        type="hover"
        style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
        scrollbarSize={6}
      >
        {tab === 'mine' ? (
          <ListState
            query={myWork}
            empty={{
              when: shown.length === 0,
              title: 'Nothing assigned to you',
              text: 'Conversations routed or assigned to you appear here as soon as they arrive.',
            }}
          >
            <ConversationList items={shown} selectedId={selectedId} label="My work" testId="my-work-list" />
          </ListState>
        ) : (
          <ListState
            query={recent}
            empty={{
              when: (recent.data?.items.length ?? 0) === 0,
              title: 'Nothing viewed yet',
              text: 'Conversations you open, whoever handles them, are listed here.',
            }}
          >
            <ConversationList
              items={recent.data?.items ?? []}
              selectedId={selectedId}
              label="Recently viewed"
              testId="recently-viewed"
              showAssignee
            />
          </ListState>
        )}
      </ScrollArea>
      {tab === 'mine' && hasMore && (
        <Anchor
          component={Link}
          to={allWorkPath({ view: 'all', assigneeId: [me.id] })}
          data-testid="view-all-link"
          size="sm"
          fw={600}
          px="md"
          py="sm"
          style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
        >
          <Group gap={4} justify="center">
            View all my conversations <IconArrowRight size={14} />
          </Group>
        </Anchor>
      )}
    </Stack>
  );
}
