import { Alert, Button, Checkbox, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { LIMITS, type TranscriptFormat } from '@parley/contracts';
import { useEffect, useState } from 'react';

/**
 * D9 bulk download: one transcript per conversation in a .zip, as .txt or .xlsx; supervisors may
 * include internal notes. More than LIMITS.bulkDownload ticked rows are refused here; "all matching"
 * is counted by the server, whose refusal shows here.
 */
export function DownloadDialog(props: {
  opened: boolean;
  target: string;
  /** Ticked rows; null for "all matching". */
  tickedCount: number | null;
  supervisor: boolean;
  loading: boolean;
  error: string | null;
  onDownload: (options: { format: TranscriptFormat; notes: boolean }) => void;
  onClose: () => void;
}) {
  const [format, setFormat] = useState<TranscriptFormat>('txt');
  const [notes, setNotes] = useState(false);
  useEffect(() => {
    if (props.opened) setNotes(false);
  }, [props.opened]);
  const tooMany = props.tickedCount !== null && props.tickedCount > LIMITS.bulkDownload;

  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={`Download transcripts: ${props.target}`}
      centered
    >
      <form
        data-testid="download-dialog"
        onSubmit={(event) => {
          event.preventDefault();
          props.onDownload({ format, notes: props.supervisor && notes });
        }}
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            A .zip with one transcript per conversation (up to {LIMITS.bulkDownload}): channel, priority,
            queue, creation date, customer and agent, then every message.
          </Text>
          <SegmentedControl
            aria-label="File format"
            data={[
              { value: 'txt', label: 'Text (.txt)' },
              { value: 'xlsx', label: 'Excel (.xlsx)' },
            ]}
            value={format}
            onChange={(value) => setFormat(value as TranscriptFormat)}
            data-testid="download-format"
          />
          {props.supervisor && (
            <Checkbox
              label="Include internal notes"
              checked={notes}
              onChange={(event) => setNotes(event.currentTarget.checked)}
              data-testid="download-notes"
            />
          )}
          {(tooMany || props.error) && (
            <Alert color="red" data-testid="download-error">
              {tooMany
                ? `A download takes at most ${LIMITS.bulkDownload} conversations; ${props.tickedCount} are selected.`
                : props.error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button
              type="submit"
              loading={props.loading}
              disabled={tooMany}
              data-autofocus
              data-testid="download-submit"
            >
              Download
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
