import { ActionIcon, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { WEEKDAYS, type Weekday, type WorkingHours, type WorkingInterval } from '@parley/contracts';
import { IconPlus, IconX } from '@tabler/icons-react';

const DAY_LABELS: Record<Weekday, string> = {
  MON: 'Monday',
  TUE: 'Tuesday',
  WED: 'Wednesday',
  THU: 'Thursday',
  FRI: 'Friday',
  SAT: 'Saturday',
  SUN: 'Sunday',
};

// Chromium's list lacks "UTC", which servers and browsers often report.
const TIME_ZONES = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((tz) => tz !== 'UTC')];

/** A new schedule: weekdays 09:00–17:00 in the browser's time zone. */
export function defaultWorkingHours(): WorkingHours {
  return {
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    weekly: WEEKDAYS.slice(0, 5).map((day) => ({ day, from: '09:00', to: '17:00' })),
    holidays: [],
  };
}

/** Intervals that end before they start, which the server refuses. */
export const badIntervals = (hours: WorkingHours) => hours.weekly.filter((i) => i.from >= i.to).length;

/**
 * A clock time. A time input cannot show 24:00, so an interval's end of midnight is shown and
 * entered as 00:00 (`end`) and stored as 24:00.
 */
function TimeField({
  label,
  value,
  end = false,
  onChange,
}: {
  label: string;
  value: string;
  end?: boolean;
  onChange: (v: string) => void;
}) {
  return (
    <TextInput
      aria-label={label}
      type="time"
      w={110}
      size="xs"
      value={value === '24:00' ? '00:00' : value}
      onChange={(e) => {
        const v = e.currentTarget.value;
        onChange(end && v === '00:00' ? '24:00' : v);
      }}
    />
  );
}

/** Weekly hours per day (several intervals a day allowed), the time zone and the holidays. */
export function WorkingHoursEditor({
  value,
  onChange,
}: {
  value: WorkingHours;
  onChange: (h: WorkingHours) => void;
}) {
  const setWeekly = (weekly: WorkingInterval[]) => onChange({ ...value, weekly });
  const holidays = value.holidays ?? [];
  return (
    <Stack gap="sm" data-testid="working-hours">
      <Select
        label="Time zone"
        data={TIME_ZONES.includes(value.timeZone) ? TIME_ZONES : [value.timeZone, ...TIME_ZONES]}
        value={value.timeZone}
        onChange={(tz) => tz && onChange({ ...value, timeZone: tz })}
        searchable
        allowDeselect={false}
        w={280}
      />
      <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing={0}>
        <Table.Tbody>
          {WEEKDAYS.map((day) => {
            const intervals = value.weekly
              .map((interval, index) => ({ interval, index }))
              .filter((x) => x.interval.day === day);
            return (
              <Table.Tr key={day} data-testid={`hours-${day}`}>
                <Table.Td w={110} valign="top" pt={8}>
                  <Text fz="sm">{DAY_LABELS[day]}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    {intervals.length === 0 && (
                      <Text fz="sm" c="dimmed" w={120}>
                        Closed
                      </Text>
                    )}
                    {intervals.map(({ interval, index }) => (
                      <Group key={index} gap={4} wrap="nowrap">
                        <TimeField
                          label={`${DAY_LABELS[day]} from`}
                          value={interval.from}
                          onChange={(from) =>
                            setWeekly(value.weekly.map((x, j) => (j === index ? { ...x, from } : x)))
                          }
                        />
                        <Text fz="sm">–</Text>
                        <TimeField
                          label={`${DAY_LABELS[day]} to`}
                          end
                          value={interval.to}
                          onChange={(to) =>
                            setWeekly(value.weekly.map((x, j) => (j === index ? { ...x, to } : x)))
                          }
                        />
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={`Remove ${DAY_LABELS[day]} interval`}
                          onClick={() => setWeekly(value.weekly.filter((_, j) => j !== index))}
                        >
                          <IconX size={14} />
                        </ActionIcon>
                      </Group>
                    ))}
                    <ActionIcon
                      variant="subtle"
                      aria-label={`Add ${DAY_LABELS[day]} hours`}
                      onClick={() => setWeekly([...value.weekly, { day, from: '09:00', to: '17:00' }])}
                    >
                      <IconPlus size={14} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {badIntervals(value) > 0 && (
        <Text c="red" fz="sm">
          Each interval must end after it starts.
        </Text>
      )}
      <Stack gap={4}>
        <Text fz="sm" fw={500}>
          Holidays (closed all day)
        </Text>
        {holidays.map((holiday, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: holidays have no identity beyond their position
          <Group key={i} gap="xs" wrap="nowrap">
            <TextInput
              type="date"
              size="xs"
              aria-label="Holiday date"
              w={150}
              value={holiday.date}
              onChange={(e) =>
                onChange({
                  ...value,
                  holidays: holidays.map((h, j) => (j === i ? { ...h, date: e.currentTarget.value } : h)),
                })
              }
            />
            <TextInput
              size="xs"
              aria-label="Holiday name"
              placeholder="Name"
              w={240}
              value={holiday.name}
              onChange={(e) =>
                onChange({
                  ...value,
                  holidays: holidays.map((h, j) => (j === i ? { ...h, name: e.currentTarget.value } : h)),
                })
              }
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label="Remove holiday"
              onClick={() => onChange({ ...value, holidays: holidays.filter((_, j) => j !== i) })}
            >
              <IconX size={14} />
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="subtle"
          size="compact-sm"
          w="fit-content"
          leftSection={<IconPlus size={14} />}
          onClick={() =>
            onChange({
              ...value,
              holidays: [...holidays, { date: new Date().toISOString().slice(0, 10), name: '' }],
            })
          }
        >
          Add holiday
        </Button>
      </Stack>
    </Stack>
  );
}
