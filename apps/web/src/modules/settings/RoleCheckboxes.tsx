import { Checkbox, Group } from '@mantine/core';
import { ROLES, type Role } from '@parley/contracts';
import { ROLE_LABELS } from './users-api.ts';

/** Roles combine (D1), so they are chosen with checkboxes rather than one select. */
export function RoleCheckboxes(props: { value: Role[]; onChange: (roles: Role[]) => void; error?: string }) {
  return (
    <Checkbox.Group
      label="Roles"
      value={props.value}
      onChange={(values) => props.onChange(values as Role[])}
      error={props.error}
    >
      <Group gap="lg" mt={6}>
        {ROLES.map((role) => (
          <Checkbox key={role} value={role} label={ROLE_LABELS[role]} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}
