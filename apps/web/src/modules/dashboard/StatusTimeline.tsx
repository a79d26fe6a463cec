import { Box, Group, Text, Tooltip } from '@mantine/core';
import type { StatusSpan } from '@parley/contracts';
import { formatDuration } from '../../lib/format-duration.ts';
import { AVAILABILITY_META } from '../team/availability.ts';
import { timelineSegments } from './timeline.ts';

const time = (ms: number) =>
  new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Hours marked under the timeline column. */
export function TimelineAxis({ dayStart }: { dayStart: number }) {
  return (
    <Box pos="relative" h={14}>
      {[0, 3, 6, 9, 12, 15, 18, 21].map((h) => (
        <Text key={h} fz={10} c="dimmed" pos="absolute" left={`${(h / 24) * 100}%`} top={0} lh={1}>
          {time(dayStart + h * 3_600_000)}
        </Text>
      ))}
    </Box>
  );
}

/** One agent's statuses today as coloured spans on a 24-hour bar. */
export function StatusTimeline({
  spans,
  dayStart,
  now,
}: {
  spans: StatusSpan[];
  dayStart: number;
  now: number;
}) {
  const segments = timelineSegments(spans, dayStart, now);
  return (
    <Box
      pos="relative"
      h={14}
      // The rest of the day stays pale, so it does not read as Offline grey.
      bg="var(--mantine-color-default-hover)"
      style={{ borderRadius: 3, overflow: 'hidden', border: '1px solid var(--mantine-color-default-border)' }}
      data-testid="status-timeline"
    >
      {segments.map((s) => {
        const meta = AVAILABILITY_META[s.availability];
        return (
          <Tooltip
            key={s.from}
            label={`${meta.label} ${time(s.from)}–${time(s.to)} (${formatDuration(s.to - s.from)})`}
          >
            <Box
              pos="absolute"
              top={0}
              bottom={0}
              left={`${s.left}%`}
              w={`${s.width}%`}
              bg={meta.dot}
              data-testid="status-span"
              data-availability={s.availability}
              style={{ minWidth: 1 }}
            />
          </Tooltip>
        );
      })}
      <Box
        pos="absolute"
        top={0}
        bottom={0}
        left={`${Math.min(100, ((now - dayStart) / 86_400_000) * 100)}%`}
        w={1}
        bg="var(--mantine-color-text)"
        aria-hidden
      />
    </Box>
  );
}

export function TimelineLegend() {
  return (
    <Group gap="md">
      {Object.values(AVAILABILITY_META).map((m) => (
        <Group key={m.label} gap={4}>
          <Box w={10} h={10} bg={m.dot} style={{ borderRadius: 2 }} />
          <Text fz="xs" c="dimmed">
            {m.label}
          </Text>
        </Group>
      ))}
    </Group>
  );
}
