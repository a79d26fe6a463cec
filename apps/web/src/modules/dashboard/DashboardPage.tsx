import {
  Alert,
  Badge,
  Box,
  Group,
  Loader,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { CONVERSATION_STATUSES, type Dashboard, type DashboardAgent } from '@parley/contracts';
import { useNow } from '../../lib/use-now.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { AVAILABILITY_META, AVAILABILITY_ORDER } from '../team/availability.ts';
import { useLiveDashboard } from './dashboard-api.ts';
import { StatusTimeline, TimelineAxis, TimelineLegend } from './StatusTimeline.tsx';
import { formatClock, loadPercent, utcDayStart } from './timeline.ts';

const STATUS_LABEL = { OPEN: 'Open', WAITING: 'Waiting', SOLVED: 'Solved', CLOSED: 'Closed today' } as const;

function Stat({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Paper withBorder radius="md" px="md" py="sm">
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={26} fw={700} lh={1.2} data-testid={testId}>
        {value.toLocaleString()}
      </Text>
    </Paper>
  );
}

function AgentRow({ agent, now, dayStart }: { agent: DashboardAgent; now: number; dayStart: number }) {
  const meta = AVAILABILITY_META[agent.availability];
  const pct = loadPercent(agent.load, agent.capacity);
  return (
    <Table.Tr
      data-testid="dashboard-agent"
      data-agent-name={agent.displayName}
      data-availability={agent.availability}
    >
      <Table.Td>
        <Group gap={8} wrap="nowrap">
          <Box
            w={10}
            h={10}
            bg={meta.dot}
            style={{ borderRadius: '50%', flexShrink: 0 }}
            aria-label={meta.label}
          />
          <Text fz="sm" fw={500} truncate="end">
            {agent.displayName}
          </Text>
        </Group>
      </Table.Td>
      <Table.Td>
        <Text fz="sm">{meta.label}</Text>
      </Table.Td>
      <Table.Td>
        <Text fz="sm" ff="monospace" data-testid="agent-time-in-status">
          {formatClock(now - Date.parse(agent.availabilityChangedAt))}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={8} wrap="nowrap">
          <Progress
            value={pct}
            color={pct >= 100 ? 'red' : pct >= 80 ? 'orange' : 'blue'}
            w={90}
            size="md"
            aria-label={`Load ${agent.load} of ${agent.capacity}`}
          />
          <Text fz="sm" ff="monospace" data-testid="agent-load">
            {agent.load}/{agent.capacity}
          </Text>
        </Group>
      </Table.Td>
      <Table.Td>
        <StatusTimeline spans={agent.timeline} dayStart={dayStart} now={now} />
      </Table.Td>
    </Table.Tr>
  );
}

const byStatusThenName = (a: DashboardAgent, b: DashboardAgent) =>
  AVAILABILITY_ORDER.indexOf(a.availability) - AVAILABILITY_ORDER.indexOf(b.availability) ||
  a.displayName.localeCompare(b.displayName);

function QueuesTable({ data, now }: { data: Dashboard; now: number }) {
  return (
    <Table verticalSpacing={6} fz="sm" data-testid="dashboard-queues">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Queue</Table.Th>
          <Table.Th ta="right" w={120}>
            Waiting
          </Table.Th>
          <Table.Th ta="right" w={140}>
            Longest wait
          </Table.Th>
          <Table.Th ta="right" w={140}>
            Active agents
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.queues.map((q) => (
          <Table.Tr key={q.queueId} data-testid="dashboard-queue" data-queue-name={q.name}>
            <Table.Td>
              <Group gap={6}>
                <Text fz="sm" fw={500}>
                  {q.name}
                </Text>
                {!q.autoAssign && (
                  <Badge size="xs" variant="light" color="gray">
                    manual
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td ta="right" ff="monospace" data-testid="queue-waiting" fw={q.waiting > 0 ? 700 : 400}>
              {q.waiting}
            </Table.Td>
            <Table.Td ta="right" ff="monospace">
              {q.longestWaitingSince ? formatClock(now - Date.parse(q.longestWaitingSince)) : '—'}
            </Table.Td>
            <Table.Td ta="right" ff="monospace">
              {q.activeMembers}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Supervisors: agents, queues and conversations right now, updating live. */
export function DashboardPage() {
  const dashboard = useLiveDashboard();
  // Time in status and waiting times tick every second.
  const now = useNow(1000);
  const data = dashboard.data;
  const dayStart = utcDayStart(now);

  return (
    <Stack gap="lg">
      <PageHeader title="Dashboard" description="Agents, queues and conversations right now. Updates live." />
      {dashboard.isPending && <Loader />}
      {dashboard.error && (
        <Alert color="red" title="Could not load the dashboard">
          {dashboard.error.message}
        </Alert>
      )}
      {data && (
        <>
          <SimpleGrid cols={6} spacing="sm">
            <Stat label="Unassigned" value={data.unassigned} testId="stat-unassigned" />
            <Stat label="With bots" value={data.withBots} testId="stat-with-bots" />
            {CONVERSATION_STATUSES.map((s) => (
              <Stat key={s} label={STATUS_LABEL[s]} value={data.byStatus[s] ?? 0} testId={`stat-${s}`} />
            ))}
          </SimpleGrid>
          <Paper withBorder radius="md" p="md">
            <Title order={2} fz="h5" mb="xs">
              Queues
            </Title>
            <QueuesTable data={data} now={now} />
          </Paper>
          <Paper withBorder radius="md" p="md">
            <Group justify="space-between" mb="xs">
              <Title order={2} fz="h5">
                Agents
              </Title>
              <TimelineLegend />
            </Group>
            <Table verticalSpacing={6} layout="fixed" data-testid="dashboard-agents">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={200}>Agent</Table.Th>
                  <Table.Th w={80}>Status</Table.Th>
                  <Table.Th w={90}>For</Table.Th>
                  <Table.Th w={160}>Load</Table.Th>
                  <Table.Th>
                    <Text fz="sm" fw={700} mb={2}>
                      Today
                    </Text>
                    <TimelineAxis dayStart={dayStart} />
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...data.agents].sort(byStatusThenName).map((a) => (
                  <AgentRow key={a.userId} agent={a} now={now} dayStart={dayStart} />
                ))}
              </Table.Tbody>
            </Table>
            {data.agents.length === 0 && (
              <Text c="dimmed" fz="sm">
                No agents yet.
              </Text>
            )}
          </Paper>
        </>
      )}
    </Stack>
  );
}
