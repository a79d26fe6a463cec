import { Alert } from '@mantine/core';
import type { ConnectionTestResult } from '@parley/contracts';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';

/** The outcome of a provider check, as the admin reads it. */
export function TestResultAlert({ result }: { result: ConnectionTestResult }) {
  return (
    <Alert
      data-testid="connection-test-result"
      color={result.ok ? 'teal' : 'red'}
      variant="light"
      title={result.ok ? 'Test passed' : 'Test failed'}
      icon={result.ok ? <IconCircleCheck size={18} /> : <IconCircleX size={18} />}
    >
      {result.message}
    </Alert>
  );
}
