import { Badge, CloseButton, Group, Select, Stack, Text } from '@mantine/core';
import type { Tag, TagRef } from '@parley/contracts';
import { useState } from 'react';

/** D8 tags of the conversation: chips to remove, and a searchable pick from the catalogue to add. */
export function TagsField({
  tags,
  catalogue,
  disabledReason,
  onAdd,
  onRemove,
}: {
  tags: readonly TagRef[];
  catalogue: readonly Tag[];
  disabledReason: string | null;
  onAdd: (tagId: string) => void;
  onRemove: (tagId: string) => void;
}) {
  const [search, setSearch] = useState('');
  const taken = new Set(tags.map((t) => t.id));
  const options = catalogue.filter((t) => !taken.has(t.id)).map((t) => ({ value: t.id, label: t.name }));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        Tags
      </Text>
      {tags.length > 0 ? (
        <Group gap={6}>
          {tags.map((tag) => (
            <Badge
              key={tag.id}
              variant="light"
              color={tag.color}
              radius="sm"
              tt="none"
              size="lg"
              fw={500}
              data-testid="conversation-tag"
              rightSection={
                disabledReason ? null : (
                  <CloseButton
                    size="xs"
                    aria-label={`Remove tag ${tag.name}`}
                    onClick={() => onRemove(tag.id)}
                  />
                )
              }
            >
              {tag.name}
            </Badge>
          ))}
        </Group>
      ) : (
        <Text size="xs" c="dimmed">
          No tags
        </Text>
      )}
      {!disabledReason && (
        <Select
          size="xs"
          placeholder={options.length ? 'Add a tag…' : 'Every tag is set'}
          data={options}
          value={null}
          onChange={(tagId) => {
            setSearch('');
            if (tagId) onAdd(tagId);
          }}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          nothingFoundMessage="No such tag"
          disabled={options.length === 0}
          aria-label="Add a tag"
          data-testid="tags-input"
        />
      )}
    </Stack>
  );
}
