import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import {
  type BulkAction,
  CONVERSATION_STATUSES,
  type ConversationStatus,
  PRIORITIES,
  type Priority,
} from '@parley/contracts';
import { useEffect, useState } from 'react';
import { ConfirmDialog } from '../../../ui/ConfirmDialog.tsx';
import { useCurrentUser } from '../../auth/current-user.tsx';
import { AVAILABILITY_META } from '../../team/availability.ts';
import { useAgents, useQueues } from '../conversation/conversation-api.ts';
import { PRIORITY_LOOKS, STATUS_LOOKS } from '../conversation/conversation-looks.ts';

export type BulkKind = BulkAction['type'];

const TITLES: Record<BulkKind, string> = {
  reassign: 'Reassign',
  priority: 'Change priority',
  status: 'Change status',
  queue: 'Move to queue',
};

const ME = '__me__';
const NOBODY = '__nobody__';

function ReassignField({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (value: string | null) => void;
}) {
  const me = useCurrentUser();
  const agents = useAgents();
  const others = (agents.data?.items ?? [])
    .filter((a) => a.id !== me.id)
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  const byId = new Map(others.map((a) => [a.id, a]));
  return (
    <Select
      label="Assign to"
      placeholder="Search agents"
      searchable
      data-autofocus
      data={[
        { value: ME, label: 'Assign to me' },
        { value: NOBODY, label: 'Unassign' },
        ...others.map((a) => ({ value: a.id, label: a.displayName })),
      ]}
      value={value}
      onChange={onChange}
      nothingFoundMessage="No agent matches"
      data-testid="bulk-assignee"
      comboboxProps={{ withinPortal: true }}
      renderOption={({ option }) => {
        const agent = byId.get(option.value);
        const availability = agent ? AVAILABILITY_META[agent.availability] : null;
        return (
          <Group justify="space-between" wrap="nowrap" w="100%" gap="sm">
            <Text size="sm">{option.label}</Text>
            {agent && availability && (
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                <span style={{ color: availability.dot }}>●</span> {availability.label} · {agent.load}/
                {agent.capacity}
              </Text>
            )}
          </Group>
        );
      }}
    />
  );
}

function QueueField({ value, onChange }: { value: string | null; onChange: (value: string | null) => void }) {
  const queues = useQueues();
  const items = [...(queues.data?.items ?? [])].sort(
    (a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name),
  );
  return (
    <Select
      label="Queue"
      placeholder="Search queues"
      searchable
      data-autofocus
      data={items.map((q) => ({ value: q.id, label: q.isDefault ? `${q.name} (default)` : q.name }))}
      value={value}
      onChange={onChange}
      nothingFoundMessage="No queue matches"
      data-testid="bulk-queue-choice"
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** The action the dialog's field describes, or null while nothing is chosen. */
function actionOf(kind: BulkKind, value: string | null, myId: string): BulkAction | null {
  if (value === null) return null;
  switch (kind) {
    case 'reassign':
      return { type: 'reassign', userId: value === ME ? myId : value === NOBODY ? null : value };
    case 'priority':
      return { type: 'priority', priority: value as Priority };
    case 'status':
      return { type: 'status', status: value as ConversationStatus };
    case 'queue':
      return { type: 'queue', queueId: value };
  }
}

/**
 * Asks what a bulk action should set, for `target` ("3 conversations", "all 120 matching"); closing
 * asks once more, since it is final. The server's refusal of the whole request shows here.
 */
export function BulkActionDialog(props: {
  kind: BulkKind | null;
  target: string;
  loading: boolean;
  error: string | null;
  onSubmit: (action: BulkAction) => void;
  onClose: () => void;
}) {
  const me = useCurrentUser();
  const [value, setValue] = useState<string | null>(null);
  const [confirmClose, setConfirmClose] = useState(false);
  const kind = props.kind;
  useEffect(() => {
    setValue(kind === 'priority' ? 'NORMAL' : kind === 'status' ? 'OPEN' : null);
    setConfirmClose(false);
  }, [kind]);

  const action = kind ? actionOf(kind, value, me.id) : null;
  const apply = () => {
    if (!action) return;
    if (action.type === 'status' && action.status === 'CLOSED' && !confirmClose) {
      setConfirmClose(true);
      return;
    }
    props.onSubmit(action);
  };

  return (
    <>
      <Modal
        opened={kind !== null && !confirmClose}
        onClose={props.onClose}
        title={kind ? `${TITLES[kind]}: ${props.target}` : ''}
        centered
      >
        <form
          data-testid="bulk-dialog"
          onSubmit={(event) => {
            event.preventDefault();
            apply();
          }}
        >
          <Stack gap="md">
            {kind === 'reassign' && <ReassignField value={value} onChange={setValue} />}
            {kind === 'queue' && <QueueField value={value} onChange={setValue} />}
            {kind === 'priority' && (
              <SegmentedControl
                fullWidth
                aria-label="Priority"
                data={PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LOOKS[p].label }))}
                value={value ?? 'NORMAL'}
                onChange={setValue}
                data-testid="bulk-priority-choice"
              />
            )}
            {kind === 'status' && (
              <SegmentedControl
                fullWidth
                aria-label="Status"
                data={CONVERSATION_STATUSES.map((s) => ({ value: s, label: STATUS_LOOKS[s].label }))}
                value={value ?? 'OPEN'}
                onChange={setValue}
                data-testid="bulk-status-choice"
              />
            )}
            <Text size="xs" c="dimmed">
              Each conversation follows the usual rules; the ones they refuse are listed afterwards with the
              reason.
            </Text>
            {props.error && (
              <Alert color="red" data-testid="bulk-error">
                {props.error}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={props.onClose}>
                Cancel
              </Button>
              <Button type="submit" disabled={!action} loading={props.loading} data-testid="bulk-apply">
                Apply
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <ConfirmDialog
        opened={kind === 'status' && confirmClose}
        title={`Close ${props.target}?`}
        confirmLabel="Close conversations"
        loading={props.loading}
        onConfirm={() => action && props.onSubmit(action)}
        onClose={() => setConfirmClose(false)}
      >
        Closing is final: closed conversations move to History and can no longer be changed or reopened.
        {props.error && ` ${props.error}`}
      </ConfirmDialog>
    </>
  );
}
