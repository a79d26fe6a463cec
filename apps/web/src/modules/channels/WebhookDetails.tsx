import { ActionIcon, Alert, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import type { WebhookSettings } from '@parley/contracts';
import { IconCheck, IconCopy, IconInfoCircle } from '@tabler/icons-react';

function CopyValue({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={4}>
      <Text fz="sm" fw={500}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap" align="center">
        <Code
          data-testid={`webhook-${label.toLowerCase().replaceAll(' ', '-')}`}
          style={{ flex: 1, wordBreak: 'break-all' }}
        >
          {value}
        </Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? 'Copied' : `Copy ${label.toLowerCase()}`}>
              <ActionIcon
                variant="subtle"
                color={copied ? 'teal' : 'gray'}
                onClick={copy}
                aria-label={`Copy ${label.toLowerCase()}`}
              >
                {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}

/** What to enter at the provider; the secret only in the answer that made it (create, rotate). */
export function WebhookDetails({ webhook }: { webhook: WebhookSettings }) {
  return (
    <Stack gap="sm">
      <CopyValue label="Webhook URL" value={webhook.url} />
      {webhook.scheme === 'basic' && webhook.username && (
        <CopyValue label="Username" value={webhook.username} />
      )}
      {webhook.scheme === 'header' && webhook.header && (
        <CopyValue label="Secret header" value={webhook.header} />
      )}
      {webhook.password ? (
        <>
          <CopyValue
            label={webhook.scheme === 'basic' ? 'Password' : 'Secret token'}
            value={webhook.password}
          />
          <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />}>
            This secret is shown only now. Copy it to the provider’s webhook settings; rotate it if it is
            lost.
          </Alert>
        </>
      ) : (
        <Text fz="sm" c="dimmed">
          The secret was shown when it was made. Rotate it to get a new one.
        </Text>
      )}
    </Stack>
  );
}
