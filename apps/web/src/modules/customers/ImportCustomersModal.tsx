import {
  Alert,
  Button,
  Code,
  FileInput,
  Group,
  List,
  Modal,
  ScrollArea,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { CUSTOMER_LIMITS, ImportProblems } from '@parley/contracts';
import { IconFileTypeCsv } from '@tabler/icons-react';
import { useState } from 'react';
import { isApiError } from '../../lib/api.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { useAttributeDefinitions, useImportCustomers } from './customers-api.ts';

/**
 * Supervisors import new profiles from a CSV file: all rows or none. A refused file lists every bad
 * row with its line and reason, so it can be fixed and imported again.
 */
export function ImportCustomersModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const importer = useImportCustomers();
  const definitions = useAttributeDefinitions();
  const problems = isApiError(importer.error) ? ImportProblems.safeParse(importer.error.details) : null;
  const close = () => {
    setFile(null);
    setReadError(null);
    importer.reset();
    onClose();
  };
  const run = async () => {
    if (!file) return;
    setReadError(null);
    const text = await file.text();
    if (text.length > CUSTOMER_LIMITS.importChars) {
      setReadError(
        `The file is larger than ${CUSTOMER_LIMITS.importChars.toLocaleString()} characters: split it.`,
      );
      return;
    }
    importer.mutate(text, {
      onSuccess: ({ created }) => {
        notifySuccess(`Imported ${created} customer${created === 1 ? '' : 's'}`);
        close();
      },
    });
  };
  const attributeNames = (definitions.data?.items ?? []).map((d) => d.name);
  return (
    <Modal opened={opened} onClose={close} title="Import customers" size="lg" centered>
      <Stack gap="md">
        <Text size="sm">
          The first row names the columns; every other row becomes a new customer. Nothing is imported if any
          row is wrong. At most {CUSTOMER_LIMITS.importRows.toLocaleString()} rows.
        </Text>
        <List size="sm" spacing={2}>
          <List.Item>
            <Code>name</Code>, <Code>gender</Code> (MALE or FEMALE), <Code>city</Code>, <Code>country</Code>
          </List.Item>
          <List.Item>
            <Code>destinations</Code> as <Code>SMS:+385911234567;EMAIL:ana@example.com</Code>
          </List.Item>
          <List.Item>
            <Code>tags</Code> separated by <Code>;</Code>
          </List.Item>
          <List.Item>
            one column per attribute by name{attributeNames.length > 0 && `: ${attributeNames.join(', ')}`}
          </List.Item>
        </List>
        <Text size="xs" c="dimmed">
          An export has exactly these columns, so it is a good starting point.
        </Text>
        <FileInput
          label="CSV file"
          placeholder="Choose a .csv file"
          accept=".csv,text/csv"
          leftSection={<IconFileTypeCsv size={16} />}
          value={file}
          onChange={(f) => {
            setFile(f);
            importer.reset();
          }}
          clearable
          data-testid="import-file"
        />
        {readError && <Alert color="red">{readError}</Alert>}
        {importer.error && !problems?.success && <Alert color="red">{importer.error.message}</Alert>}
        {problems?.success && (
          <Alert color="red" title="Nothing was imported" p="sm">
            <ScrollArea.Autosize mah={240}>
              <Table withRowBorders={false} verticalSpacing={2} data-testid="import-problems">
                <Table.Tbody>
                  {problems.data.problems.map((p, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a line may have several problems
                    <Table.Tr key={i}>
                      <Table.Td w={70} style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                        Line {p.line}
                      </Table.Td>
                      <Table.Td>{p.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button onClick={() => void run()} disabled={!file} loading={importer.isPending}>
            Import
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
