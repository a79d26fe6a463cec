import { Button, Checkbox, Loader, VisuallyHidden } from '@mantine/core';
import type { ConversationListItem, ConversationSort, ViewFilters } from '@parley/contracts';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type MouseEvent, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useNow } from '../../../lib/use-now.ts';
import { isForeignKey } from '../conversation/conversation-shortcuts.ts';
import { effectiveSort, isShownDescending, ORDER_LABELS } from './list-url.ts';
import {
  isEmpty,
  isPageSelected,
  isRowSelected,
  type Selection,
  togglePage,
  toggleRow,
} from './selection.ts';
import classes from './WorkTable.module.css';
import { GRID_TEMPLATE, WORK_COLUMNS, type WorkColumn } from './work-columns.tsx';

const ROW_HEIGHT = 44;
/** Start loading the next page this many rows before the end comes into view. */
const PREFETCH_ROWS = 15;

export interface WorkTableProps {
  rows: readonly ConversationListItem[];
  filters: ViewFilters;
  onSort: (sort: ConversationSort) => void;
  selection: Selection;
  onSelectionChange: (selection: Selection) => void;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
}

function HeaderCell({
  column,
  filters,
  onSort,
}: {
  column: WorkColumn;
  filters: ViewFilters;
  onSort: (sort: ConversationSort) => void;
}) {
  const align = column.align === 'end' ? classes.end : undefined;
  if (!column.sort) {
    return (
      <th className={`${classes.cell} ${align ?? ''}`}>
        {column.hideHeader ? <VisuallyHidden>{column.header}</VisuallyHidden> : column.header}
      </th>
    );
  }
  const current = effectiveSort(filters);
  const active = current.sort === column.sort;
  const descending = isShownDescending(current.sort, current.direction);
  const Arrow = descending ? IconArrowDown : IconArrowUp;
  const label = active
    ? `${column.header}: ${ORDER_LABELS[column.sort][current.direction]}`
    : `Sort by ${column.header.toLowerCase()}`;
  return (
    <th
      aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}
      className={`${classes.cell} ${align ?? ''}`}
    >
      <button
        type="button"
        className={classes.sortButton}
        data-active={active || undefined}
        title={label}
        aria-label={label}
        data-testid={`sort-${column.sort}`}
        onClick={() => onSort(column.sort as ConversationSort)}
      >
        {column.header}
        {active && <Arrow size={12} aria-hidden />}
      </button>
    </th>
  );
}

/**
 * The ALL WORK list: a virtualised grid (only the rows in view are in the DOM), the next keyset page
 * loaded as its end nears. Keys while a row has focus: ↑/↓ (or j/k), Home/End, Enter opens, Space
 * or x ticks the row.
 */
export function WorkTable(props: WorkTableProps) {
  const { rows, selection, onSelectionChange, hasMore, loadingMore, loadMore } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const now = useNow(30_000);
  const [active, setActive] = useState(0);
  const ids = rows.map((r) => r.id);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: 8,
    initialRect: { width: 1000, height: 800 },
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= rows.length - PREFETCH_ROWS) loadMore();
  }, [hasMore, loadingMore, lastIndex, rows.length, loadMore]);

  const focusRow = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    requestAnimationFrame(() =>
      scrollRef.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus({ preventScroll: true }),
    );
  };

  const open = (row: ConversationListItem, event?: MouseEvent) => {
    const path = `/conversations/${row.id}`;
    if (event && (event.ctrlKey || event.metaKey)) window.open(path, '_blank', 'noopener');
    else void navigate(path);
  };

  const onRowKey = (event: KeyboardEvent<HTMLDivElement>, index: number, row: ConversationListItem) => {
    if (isForeignKey(event.nativeEvent)) return;
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      j: index + 1,
      ArrowUp: index - 1,
      k: index - 1,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      focusRow(target);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(row);
    } else if (event.key === ' ' || event.key === 'x') {
      event.preventDefault();
      onSelectionChange(toggleRow(selection, row.id, ids));
    }
  };

  const pageSelected = isPageSelected(selection, ids);
  // One row is in the Tab order: the last focused one, or the first drawn when that one scrolled away.
  const tabbable = items.some((i) => i.index === active) ? active : items[0]?.index;
  return (
    <div className={classes.table}>
      <div ref={scrollRef} className={classes.scroller} data-testid="work-table-scroller">
        <table
          className={classes.grid}
          aria-label="Conversations"
          aria-rowcount={rows.length + 1}
          data-testid="work-table"
        >
          <thead className={classes.headGroup}>
            <tr className={classes.head} style={{ gridTemplateColumns: GRID_TEMPLATE }}>
              <th className={classes.cell}>
                <Checkbox
                  size="xs"
                  aria-label="Select the loaded conversations"
                  data-testid="select-page"
                  checked={pageSelected}
                  indeterminate={!pageSelected && !isEmpty(selection)}
                  onChange={() => onSelectionChange(togglePage(selection, ids))}
                />
              </th>
              {WORK_COLUMNS.map((column) => (
                <HeaderCell key={column.id} column={column} filters={props.filters} onSort={props.onSort} />
              ))}
            </tr>
          </thead>
          <tbody className={classes.body} style={{ height: virtualizer.getTotalSize() + (hasMore ? 56 : 0) }}>
            {items.map((item) => {
              const row = rows[item.index] as ConversationListItem;
              const selected = isRowSelected(selection, row.id);
              return (
                <tr
                  key={item.key}
                  tabIndex={item.index === tabbable ? 0 : -1}
                  data-index={item.index}
                  data-testid="work-row"
                  data-conversation-id={row.id}
                  data-number={row.number}
                  data-status={row.status}
                  data-priority={row.priority}
                  data-selected={selected || undefined}
                  aria-selected={selected}
                  className={classes.row}
                  style={{
                    gridTemplateColumns: GRID_TEMPLATE,
                    height: ROW_HEIGHT,
                    transform: `translateY(${item.start}px)`,
                  }}
                  onClick={(event) => {
                    // The topic link and the checkbox cell do their own thing.
                    if ((event.target as HTMLElement).closest('a, [data-no-row-click]')) return;
                    open(row, event);
                  }}
                  onFocus={() => setActive(item.index)}
                  onKeyDown={(event) => onRowKey(event, item.index, row)}
                >
                  <td className={classes.cell} data-no-row-click>
                    <Checkbox
                      size="xs"
                      tabIndex={-1}
                      aria-label={`Select conversation #${row.number}`}
                      data-testid="row-select"
                      checked={selected}
                      onChange={() => onSelectionChange(toggleRow(selection, row.id, ids))}
                    />
                  </td>
                  {WORK_COLUMNS.map((column) => (
                    <td
                      key={column.id}
                      className={`${classes.cell} ${column.align === 'end' ? classes.end : ''}`}
                      data-column={column.id}
                    >
                      {column.cell(row, now)}
                    </td>
                  ))}
                </tr>
              );
            })}
            {hasMore && (
              <tr className={classes.footer} style={{ top: virtualizer.getTotalSize() }}>
                <td>
                  {loadingMore ? (
                    <Loader size="sm" aria-label="Loading more conversations" />
                  ) : (
                    <Button variant="subtle" size="xs" onClick={loadMore}>
                      Load more
                    </Button>
                  )}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
