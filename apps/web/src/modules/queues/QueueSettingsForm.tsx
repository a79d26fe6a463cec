import {
  Button,
  Checkbox,
  Divider,
  Group,
  NumberInput,
  Radio,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import type { QueueSettings, QueueSettingsResponse } from '@parley/contracts';
import { useState } from 'react';
import { notifySuccess } from '../../lib/notify.ts';
import { useUpdateQueueSettings } from './queues-api.ts';
import { badIntervals, defaultWorkingHours, WorkingHoursEditor } from './WorkingHoursEditor.tsx';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap="sm">
      <Title order={3} fz="h6">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** A queue's automatic assignment, working hours, away reply and (Default queue) visibility; saved together. */
export function QueueSettingsForm({
  settings,
  isDefault,
}: {
  settings: QueueSettingsResponse;
  isDefault: boolean;
}) {
  const update = useUpdateQueueSettings();
  // Only the settings themselves are sent back (not the id and the computed "open now").
  const [draft, setDraft] = useState<QueueSettings>(() => {
    const { queueId: _id, openNow: _open, ...own } = settings;
    return own;
  });
  const set = (patch: Partial<QueueSettings>) => setDraft((d) => ({ ...d, ...patch }));
  const invalid = draft.workingHours !== null && badIntervals(draft.workingHours) > 0;

  return (
    <Stack gap="lg" data-testid="queue-settings">
      <Section title="Automatic assignment">
        <Switch
          label="Assign new and waiting conversations to Active members automatically"
          checked={draft.autoAssign}
          onChange={(e) => set({ autoAssign: e.currentTarget.checked })}
          data-testid="queue-auto-assign"
        />
        <Group gap="xl" align="flex-start">
          <Stack gap={4}>
            <Text fz="sm" fw={500}>
              Algorithm
            </Text>
            <SegmentedControl
              value={draft.algorithm}
              onChange={(v) => set({ algorithm: v as QueueSettings['algorithm'] })}
              data={[
                { value: 'ROUND_ROBIN', label: 'Round robin' },
                { value: 'LEAST_LOAD', label: 'Least load' },
              ]}
              disabled={!draft.autoAssign}
            />
          </Stack>
          <Stack gap={4}>
            <Checkbox
              label="Sticky agent: prefer the customer's last agent"
              checked={draft.stickyAgentDays !== null}
              onChange={(e) => set({ stickyAgentDays: e.currentTarget.checked ? 7 : null })}
            />
            {draft.stickyAgentDays !== null && (
              <Group gap="xs" pl={30}>
                <Text fz="sm">within</Text>
                <NumberInput
                  aria-label="Sticky agent days"
                  size="xs"
                  w={80}
                  min={1}
                  max={365}
                  value={draft.stickyAgentDays}
                  onChange={(v) => typeof v === 'number' && set({ stickyAgentDays: v })}
                />
                <Text fz="sm">days</Text>
              </Group>
            )}
          </Stack>
        </Group>
        <Radio.Group
          label="When an agent goes Away or Offline, their open conversations of this queue"
          value={draft.onAgentUnavailable}
          onChange={(v) => set({ onAgentUnavailable: v as QueueSettings['onAgentUnavailable'] })}
        >
          <Group gap="lg" mt={6}>
            <Radio value="KEEP" label="stay with them" />
            <Radio value="RETURN_TO_QUEUE" label="return to the queue" />
          </Group>
        </Radio.Group>
      </Section>
      {isDefault && (
        <>
          <Divider />
          <Section title="Who sees this queue">
            <Switch
              label="Every agent sees the Default queue's conversations"
              description="Off: only the members above see them (and each agent their own assigned conversations). Supervisors always see everything."
              checked={draft.openToAllAgents}
              onChange={(e) => set({ openToAllAgents: e.currentTarget.checked })}
              data-testid="queue-open-to-all"
            />
          </Section>
        </>
      )}
      <Divider />
      <Section title="Working hours">
        <Switch
          label="This queue has working hours (otherwise it is always open)"
          checked={draft.workingHours !== null}
          onChange={(e) => set({ workingHours: e.currentTarget.checked ? defaultWorkingHours() : null })}
        />
        {draft.workingHours && (
          <WorkingHoursEditor value={draft.workingHours} onChange={(workingHours) => set({ workingHours })} />
        )}
        <Textarea
          label="Away auto-reply"
          description="Sent once to a customer whose new conversation lands here outside working hours. Empty: none."
          autosize
          minRows={2}
          maxRows={6}
          value={draft.awayReply ?? ''}
          onChange={(e) =>
            set({ awayReply: e.currentTarget.value.trim() === '' ? null : e.currentTarget.value })
          }
        />
      </Section>
      <Group justify="flex-end">
        <Button
          disabled={invalid}
          loading={update.isPending}
          data-testid="queue-settings-save"
          onClick={() =>
            update.mutate(
              { id: settings.queueId, body: draft },
              { onSuccess: () => notifySuccess('Queue settings saved') },
            )
          }
        >
          Save settings
        </Button>
      </Group>
    </Stack>
  );
}
