import { CheckIcon, ColorSwatch, Group, Text, UnstyledButton } from '@mantine/core';
import { TAG_PALETTE } from '@parley/contracts';

/** The tag colours as a radio group of swatches (arrow keys move, as in any radio group). */
export function ColorPalette({ value, onChange }: { value: string; onChange: (color: string) => void }) {
  const selected = TAG_PALETTE.find((p) => p.color === value);
  return (
    <div>
      <Text size="sm" fw={500} mb={6}>
        Colour{' '}
        <Text span size="sm" c="dimmed">
          {selected?.name ?? value}
        </Text>
      </Text>
      <Group gap={6} role="radiogroup" aria-label="Colour">
        {TAG_PALETTE.map(({ name, color }) => {
          const checked = color === value;
          return (
            <UnstyledButton
              key={color}
              role="radio"
              aria-checked={checked}
              aria-label={name}
              tabIndex={checked || (!selected && color === TAG_PALETTE[0].color) ? 0 : -1}
              onClick={() => onChange(color)}
              onKeyDown={(event) => {
                const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
                if (!step) return;
                event.preventDefault();
                const index = TAG_PALETTE.findIndex((p) => p.color === value);
                const next = TAG_PALETTE[(index + step + TAG_PALETTE.length) % TAG_PALETTE.length];
                if (next) onChange(next.color);
                const group = event.currentTarget.parentElement;
                requestAnimationFrame(() =>
                  group?.querySelector<HTMLElement>('[aria-checked="true"]')?.focus(),
                );
              }}
            >
              <ColorSwatch color={color} size={24} style={{ color: '#fff', cursor: 'pointer' }}>
                {checked && <CheckIcon size={12} />}
              </ColorSwatch>
            </UnstyledButton>
          );
        })}
      </Group>
    </div>
  );
}
