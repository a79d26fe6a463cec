import type { TimelineLog, TimelineNote } from '@parley/contracts';
import { IconHistory, IconLock } from '@tabler/icons-react';
import { memo } from 'react';
import { Link } from 'react-router';
import { logText } from './log-text.ts';
import { type EntryActions, MessageRow, OutboxRow } from './MessageRow.tsx';
import classes from './Timeline.module.css';
import { formatClock, formatFull } from './time-format.ts';
import type { TimelineRow } from './timeline-rows.ts';

/** An internal note: yellow, dashed, on the agents' side, never sent to the customer. */
function NoteRow({ note, myUserId }: { note: TimelineNote; myUserId: string }) {
  return (
    <div className={classes.side} data-side="out" data-testid="timeline-note" data-note-id={note.id}>
      <div className={classes.author}>
        <IconLock size={13} aria-hidden />
        <span>Internal note</span>
        <b>{note.author.id === myUserId ? 'You' : note.author.displayName}</b>
      </div>
      <div className={classes.line}>
        <div className={`${classes.bubble} ${classes.note}`} data-first="true">
          <div className={classes.text}>{note.text}</div>
          <div className={classes.meta}>
            <time dateTime={note.createdAt} title={formatFull(note.createdAt)}>
              {formatClock(note.createdAt)}
            </time>
          </div>
        </div>
      </div>
    </div>
  );
}

/** The other side of a merge entry, to open it (the target from a closed source, and back). */
function MergeLink({ entry }: { entry: TimelineLog }) {
  const other = entry.to ?? entry.from;
  if (!other) return null;
  return (
    <>
      <Link to={`/conversations/${other.value}`} data-testid="merge-link">
        Open {other.label}
      </Link>{' '}
      ·{' '}
    </>
  );
}

/** A change-log line, centred among the messages: "Anna set status to Solved · 14:02". */
function LogRow({ entry, myUserId }: { entry: TimelineLog; myUserId: string }) {
  return (
    <div className={classes.log} data-testid="timeline-log" data-log-kind={entry.kind}>
      <IconHistory size={13} aria-hidden />
      <span>
        {logText(entry, myUserId)} · {entry.kind === 'merge' && <MergeLink entry={entry} />}
        <time dateTime={entry.createdAt} title={formatFull(entry.createdAt)}>
          {formatClock(entry.createdAt)}
        </time>
      </span>
    </div>
  );
}

function Entry({ row, actions }: { row: TimelineRow; actions: EntryActions }) {
  switch (row.kind) {
    case 'day':
      return (
        <div className={classes.day} data-testid="timeline-day">
          {row.label}
        </div>
      );
    case 'outbox':
      return <OutboxRow entry={row.entry} continued={row.continued} actions={actions} />;
    case 'item': {
      const { item } = row;
      if (item.type === 'message')
        return <MessageRow message={item} continued={row.continued} actions={actions} />;
      if (item.type === 'note') return <NoteRow note={item} myUserId={actions.myUserId} />;
      return <LogRow entry={item} myUserId={actions.myUserId} />;
    }
  }
}

const rowContent = (row: TimelineRow) =>
  row.kind === 'day' ? row.label : row.kind === 'item' ? row.item : row.entry;

/**
 * One timeline row. Rows are rebuilt on every change but their entries keep their identity, so
 * only rows whose entry changed render again — what keeps a long timeline smooth.
 */
export const TimelineEntry = memo(
  Entry,
  (a, b) =>
    a.actions === b.actions &&
    a.row.kind === b.row.kind &&
    rowContent(a.row) === rowContent(b.row) &&
    (a.row.kind === 'day' || b.row.kind === 'day' || a.row.continued === b.row.continued),
);
