import { ActionIcon, Chip, Group, Popover, ScrollArea, Text, TextInput, Tooltip } from '@mantine/core';
import { type Channel, fillTemplate, type TagRef, type TemplateContext } from '@parley/contracts';
import { IconSearch, IconTemplate } from '@tabler/icons-react';
import { type KeyboardEvent, useId, useState } from 'react';
import classes from './TemplateOption.module.css';
import { TemplateOption } from './TemplateOption.tsx';
import { searchTemplates } from './template-search.ts';
import { useUsableTemplates } from './templates-api.ts';

export interface TemplatesButtonProps {
  /** The conversation's channel: templates restricted to another channel are not offered. */
  channel: Channel | null;
  /** What the variables are filled from. */
  context: TemplateContext;
  /** Receives the filled template text, to insert at the reply box's caret. */
  onInsert: (text: string) => void;
  disabled?: boolean;
}

/**
 * The templates button next to the reply box (D7): a popover to search the templates usable on
 * this channel and filter them by tag; clicking one (or Enter on the highlighted one) inserts it.
 */
export function TemplatesButton({ channel, context, onInsert, disabled }: TemplatesButtonProps) {
  const [opened, setOpened] = useState(false);
  const [search, setSearch] = useState('');
  const [tagId, setTagId] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const listId = useId();
  const templates = useUsableTemplates(channel, opened);
  const items = templates.data?.items ?? [];
  // The tags of the templates on offer, so every chip finds something.
  const tags = [
    ...new Map(items.flatMap((t) => t.tags).map((tag): [string, TagRef] => [tag.id, tag])).values(),
  ].sort((a, b) => a.name.localeCompare(b.name));
  const hits = searchTemplates(
    items.filter((t) => !tagId || t.tags.some((tag) => tag.id === tagId)),
    search,
  );
  const selected = Math.min(active, Math.max(hits.length - 1, 0));

  const close = () => {
    setOpened(false);
    setSearch('');
    setTagId(null);
    setActive(0);
  };
  const insert = (index: number) => {
    const hit = hits[index];
    if (!hit) return;
    onInsert(fillTemplate(hit.template.text, context));
    close();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (hits.length > 0)
        setActive((selected + (event.key === 'ArrowDown' ? 1 : -1) + hits.length) % hits.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      insert(selected);
    }
  };

  return (
    <Popover
      opened={opened}
      onChange={(next) => (next ? setOpened(true) : close())}
      position="top-start"
      width={440}
      shadow="md"
      radius="md"
      trapFocus
      returnFocus
    >
      <Popover.Target>
        <Tooltip label="Templates" disabled={opened}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label="Insert a template"
            aria-expanded={opened}
            disabled={disabled}
            onClick={() => (opened ? close() : setOpened(true))}
            data-testid="templates-button"
          >
            <IconTemplate size={18} />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown p={0} data-testid="templates-popover">
        <div style={{ padding: 8 }}>
          <TextInput
            size="sm"
            placeholder="Search templates"
            leftSection={<IconSearch size={14} />}
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            aria-label="Search templates"
            aria-controls={listId}
            data-autofocus
          />
          {tags.length > 0 && (
            <Chip.Group
              value={tagId ?? ''}
              onChange={(value) => {
                setTagId(value === tagId || value === '' ? null : (value as string));
                setActive(0);
              }}
            >
              <Group gap={4} mt={8}>
                {tags.map((tag) => (
                  <Chip
                    key={tag.id}
                    value={tag.id}
                    size="xs"
                    variant="light"
                    color={tag.color}
                    onClick={() => tag.id === tagId && setTagId(null)}
                  >
                    {tag.name}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          )}
        </div>
        <ScrollArea.Autosize mah={320} type="auto">
          <div id={listId} role="listbox" aria-label="Templates" className={classes.list}>
            {hits.map((hit, i) => (
              <TemplateOption
                key={hit.template.id}
                hit={hit}
                context={context}
                active={i === selected}
                onPick={() => insert(i)}
                onMouseEnter={() => setActive(i)}
                data-testid="templates-button-option"
              />
            ))}
            {hits.length === 0 && (
              <Text size="sm" c="dimmed" px="sm" py={6}>
                {templates.isPending
                  ? 'Loading templates…'
                  : templates.error
                    ? `Templates could not be loaded: ${templates.error.message}`
                    : items.length === 0
                      ? 'No templates for this channel yet'
                      : 'No template matches'}
              </Text>
            )}
          </div>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
