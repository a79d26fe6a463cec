import { Alert, Box, Card, Group, Loader, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { Availability, TeamMember } from '@parley/contracts';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { formatDuration } from '../../lib/format-duration.ts';
import { useNow } from '../../lib/use-now.ts';
import { StatusAvatar } from '../../ui/StatusAvatar.tsx';
import { AVAILABILITY_META, AVAILABILITY_ORDER } from './availability.ts';
import { useTeam } from './team-api.ts';

function MemberCard({ member, now }: { member: TeamMember; now: number }) {
  const meta = AVAILABILITY_META[member.availability];
  const since = formatDuration(now - Date.parse(member.availabilityChangedAt));
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      data-testid="team-member"
      data-availability={member.availability}
    >
      <Group gap="md" wrap="nowrap">
        <StatusAvatar name={member.displayName} color={meta.dot} statusLabel={meta.label} />
        <Stack gap={2} miw={0}>
          <Text fw={600} truncate="end">
            {member.displayName}
          </Text>
          <Text fz="sm" c="dimmed">
            {meta.label} for {since}
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}

function byName(a: TeamMember, b: TeamMember): number {
  return a.displayName.localeCompare(b.displayName);
}

/** The live availability board: everyone, grouped by status, updating from realtime events. */
export function TeamPage() {
  const team = useTeam();
  const now = useNow();
  const [search, setSearch] = useState('');

  const groups = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const members = (team.data?.items ?? []).filter((m) => m.displayName.toLowerCase().includes(needle));
    return AVAILABILITY_ORDER.map((availability: Availability) => ({
      availability,
      members: members.filter((m) => m.availability === availability).sort(byName),
    }));
  }, [team.data, search]);

  return (
    <Stack gap="xl">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1} fz="h2">
            Team
          </Title>
          <Text c="dimmed">Who is available right now. Updates live.</Text>
        </Stack>
        <TextInput
          placeholder="Find a colleague"
          aria-label="Find a colleague"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={260}
        />
      </Group>
      {team.isPending && <Loader />}
      {team.error && (
        <Alert color="red" title="Could not load the team">
          {team.error.message}
        </Alert>
      )}
      {/* Groups only once the team has loaded: "Nobody is active" while loading would be false. */}
      {team.isSuccess &&
        groups.map(({ availability, members }) => {
          const meta = AVAILABILITY_META[availability];
          return (
            <Stack key={availability} gap="sm" data-testid={`team-group-${availability}`}>
              <Group gap={8}>
                <Box w={10} h={10} bg={meta.dot} style={{ borderRadius: '50%' }} aria-hidden />
                <Title order={2} fz="h5">
                  {meta.label}
                </Title>
                <Text c="dimmed" fz="sm">
                  {members.length}
                </Text>
              </Group>
              {members.length === 0 ? (
                <Text fz="sm" c="dimmed">
                  Nobody is {meta.label.toLowerCase()}.
                </Text>
              ) : (
                <SimpleGrid cols={{ base: 1, sm: 2, lg: 3, xl: 4 }} spacing="sm">
                  {members.map((m) => (
                    <MemberCard key={m.id} member={m} now={now} />
                  ))}
                </SimpleGrid>
              )}
            </Stack>
          );
        })}
    </Stack>
  );
}
