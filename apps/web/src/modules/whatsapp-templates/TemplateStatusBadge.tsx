import { Badge } from '@mantine/core';
import type { WhatsAppTemplateStatus } from '@parley/contracts';

const COLORS: Partial<Record<WhatsAppTemplateStatus, string>> = {
  APPROVED: 'green',
  PENDING: 'yellow',
  IN_APPEAL: 'yellow',
  REINSTATED: 'green',
  REJECTED: 'red',
  DISABLED: 'red',
  FLAGGED: 'orange',
  FIRST_PAUSED: 'orange',
  SECOND_PAUSED: 'orange',
};

/** A WhatsApp template's approval state as the provider's registry reports it; only APPROVED can be sent. */
export function TemplateStatusBadge({ status }: { status: WhatsAppTemplateStatus }) {
  return (
    <Badge size="xs" variant="light" color={COLORS[status] ?? 'gray'} data-testid="template-status">
      {status.replaceAll('_', ' ').toLowerCase()}
    </Badge>
  );
}
