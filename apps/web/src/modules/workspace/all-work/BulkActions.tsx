import type {
  BulkAction,
  BulkActionResult,
  TranscriptFormat,
  ViewCount,
  ViewFilters,
} from '@parley/contracts';
import { useState } from 'react';
import { notifySuccess } from '../../../lib/notify.ts';
import { useBulkAction, useTranscriptDownload } from './all-work-api.ts';
import { BulkActionDialog, type BulkKind } from './BulkActionDialog.tsx';
import { BulkBar, selectionLabel } from './BulkBar.tsx';
import { BulkResultPanel } from './BulkResultPanel.tsx';
import { DownloadDialog } from './DownloadDialog.tsx';
import { bulkTarget, isEmpty, NOTHING_SELECTED, type Selection } from './selection.ts';

const ACTION_TITLES: Record<BulkKind, string> = {
  reassign: 'Reassigned',
  priority: 'Priority changed',
  status: 'Status changed',
  queue: 'Moved to another queue',
};

/**
 * The bulk side of ALL WORK: the bar over the ticked rows, the dialogs of each action, and the
 * result of the last action (changed, refused and why). After an action the selection clears and
 * the list is read again.
 */
export function BulkActions(props: {
  selection: Selection;
  onSelectionChange: (selection: Selection) => void;
  filters: ViewFilters;
  total: ViewCount | undefined;
  pageSelected: boolean;
  loadedCount: number;
  hasMore: boolean;
  supervisor: boolean;
}) {
  const { selection, filters } = props;
  const bulk = useBulkAction();
  const download = useTranscriptDownload();
  const [kind, setKind] = useState<BulkKind | null>(null);
  const [downloading, setDownloading] = useState(false);
  const [result, setResult] = useState<{ title: string; result: BulkActionResult } | null>(null);
  const target = selectionLabel(selection, props.total);

  const open = (chosen: BulkKind | 'download') => {
    bulk.reset();
    download.reset();
    if (chosen === 'download') setDownloading(true);
    else setKind(chosen);
  };

  const submit = (action: BulkAction) => {
    bulk.mutate(
      { ...bulkTarget(selection, filters), action },
      {
        onSuccess: (answer) => {
          setResult({ title: `${ACTION_TITLES[action.type]}: ${target}`, result: answer });
          setKind(null);
          props.onSelectionChange(NOTHING_SELECTED);
        },
      },
    );
  };

  const downloadFiles = (options: { format: TranscriptFormat; notes: boolean }) => {
    download.mutate(
      { ...bulkTarget(selection, filters), ...options },
      {
        onSuccess: () => {
          setDownloading(false);
          notifySuccess(`Transcripts of ${target} downloaded`);
        },
      },
    );
  };

  return (
    <>
      {!isEmpty(selection) && (
        <BulkBar
          selection={selection}
          total={props.total}
          pageSelected={props.pageSelected}
          loadedCount={props.loadedCount}
          hasMore={props.hasMore}
          onSelectMatching={() => props.onSelectionChange({ mode: 'matching' })}
          onClear={() => props.onSelectionChange(NOTHING_SELECTED)}
          onAction={open}
        />
      )}
      {result && (
        <BulkResultPanel title={result.title} result={result.result} onClose={() => setResult(null)} />
      )}
      <BulkActionDialog
        kind={kind}
        target={target}
        loading={bulk.isPending}
        error={bulk.error?.message ?? null}
        onSubmit={submit}
        onClose={() => setKind(null)}
      />
      <DownloadDialog
        opened={downloading}
        target={target}
        tickedCount={selection.mode === 'ids' ? selection.ids.size : null}
        supervisor={props.supervisor}
        loading={download.isPending}
        error={download.error?.message ?? null}
        onDownload={downloadFiles}
        onClose={() => setDownloading(false)}
      />
    </>
  );
}
