import { Button, Group, Text, Tooltip } from '@mantine/core';
import { TEMPLATE_VARIABLES, type TemplateVariableName, variableToken } from '@parley/contracts';

/** Short button labels, under their group's heading (every variable must have one). */
const SHORT: Record<TemplateVariableName, string> = {
  'customer.firstName': 'first name',
  'customer.lastName': 'last name',
  'customer.name': 'full name',
  'agent.firstName': 'first name',
  'agent.name': 'full name',
  'conversation.number': 'number',
};
const GROUPS = [
  { prefix: 'customer.', label: 'Customer' },
  { prefix: 'agent.', label: 'Agent' },
  { prefix: 'conversation.', label: 'Conversation' },
];

/** Buttons that insert a `{{variable}}` token where the caret is in the template text. */
export function VariablesHelper({ onInsert }: { onInsert: (token: string) => void }) {
  return (
    <Group gap="sm" align="center" role="group" aria-label="Insert a variable">
      {GROUPS.map((group) => (
        <Group key={group.prefix} gap={4} align="center">
          <Text size="xs" c="dimmed">
            {group.label}
          </Text>
          {TEMPLATE_VARIABLES.filter((v) => v.name.startsWith(group.prefix)).map((v) => (
            <Tooltip key={v.name} label={`${variableToken(v.name)} — e.g. “${v.sample}”`}>
              <Button
                size="compact-xs"
                variant="light"
                color="gray"
                aria-label={v.label}
                // Keeps the caret in the text box.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => onInsert(variableToken(v.name))}
              >
                {SHORT[v.name]}
              </Button>
            </Tooltip>
          ))}
        </Group>
      ))}
    </Group>
  );
}
