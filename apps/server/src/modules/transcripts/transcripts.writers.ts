import { once } from 'node:events';
import { PassThrough, Readable, type Stream } from 'node:stream';
import type { TranscriptFormat } from '@parley/contracts';
import { ZipArchive } from 'archiver';
import ExcelJS from 'exceljs';
import type { Orm } from '../../platform/db/client.ts';
import { formatTime, headerFields, transcriptLine } from './transcripts.format.ts';
import { readTranscriptEntries, type TranscriptHeader } from './transcripts.repo.ts';

// D9 transcript files, streamed: messages are read in keyset batches and written as they come, so
// neither a long conversation nor a 100-conversation download is ever held in memory whole.

/** What one transcript is made of. */
export interface TranscriptSource {
  orm: Orm;
  header: TranscriptHeader;
  includeNotes: boolean;
}

const indent = (text: string) => text.replace(/^/gm, '  ');

/**
 * Waits for `event`, giving up (rejecting) once the stream closes: a download the client abandoned
 * must not leave a writer waiting forever.
 */
function onceWhileOpen(stream: Stream, event: string): Promise<unknown[]> {
  const closed = new AbortController();
  const abort = () => closed.abort();
  stream.once('close', abort);
  return once(stream, event, { signal: closed.signal }).finally(() => stream.off('close', abort));
}

/** The .txt transcript: header lines, a blank line, then each message as "time  author  direction · channel" and its text. */
export function txtTranscript({ orm, header, includeNotes }: TranscriptSource): Readable {
  return Readable.from(
    (async function* () {
      yield `${headerFields(header)
        .map(([label, value]) => `${label}: ${value}`)
        .join('\n')}\n\n`;
      for await (const entry of readTranscriptEntries(orm, header.id, includeNotes)) {
        const line = transcriptLine(entry, header);
        const where = line.channel ? `${line.direction} · ${line.channel}` : line.direction;
        yield `${formatTime(line.time)}  ${line.author}  ${where}\n${indent(line.text)}\n\n`;
      }
    })(),
  );
}

/** Column titles of the message table in the .xlsx transcript. */
export const XLSX_COLUMNS = ['Time (UTC)', 'Author', 'Direction', 'Channel', 'Message'] as const;

/**
 * The .xlsx transcript: one sheet, the header as label/value rows, a blank row, then a table of
 * messages (time as a date cell). Rows are committed as written, so the workbook streams out.
 */
export function xlsxTranscript({ orm, header, includeNotes }: TranscriptSource): Readable {
  const out = new PassThrough();
  const write = async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet('Transcript');
    sheet.columns = [{ width: 20 }, { width: 24 }, { width: 14 }, { width: 12 }, { width: 80 }];
    for (const [label, value] of headerFields(header)) sheet.addRow([label, value]).commit();
    sheet.addRow([]).commit();
    sheet.addRow([...XLSX_COLUMNS]).commit();
    for await (const entry of readTranscriptEntries(orm, header.id, includeNotes)) {
      const line = transcriptLine(entry, header);
      const row = sheet.addRow([line.time, line.author, line.direction, line.channel, line.text]);
      row.getCell(1).numFmt = 'yyyy-mm-dd hh:mm:ss';
      row.commit();
      // Bounded memory: wait while the zip has not taken what was written.
      if (out.writableNeedDrain) await onceWhileOpen(out, 'drain');
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error as Error));
  return out;
}

const WRITERS: Record<TranscriptFormat, (source: TranscriptSource) => Readable> = {
  txt: txtTranscript,
  xlsx: xlsxTranscript,
};

/** The file name of a conversation's transcript inside the .zip. */
export const transcriptFileName = (header: TranscriptHeader, format: TranscriptFormat) =>
  `conversation-${header.number}.${format}`;

/**
 * A .zip of one transcript per conversation. Files are added one after another, each only once
 * the previous one is written, so a single transcript is being read at any time.
 */
export function transcriptsZip(
  orm: Orm,
  headers: readonly TranscriptHeader[],
  format: TranscriptFormat,
  includeNotes: boolean,
): Readable {
  const archive = new ZipArchive({ zlib: { level: 6 } });
  let current: Readable | undefined;
  // An abandoned download (the response stream destroyed) stops the transcript being written.
  archive.once('close', () => current?.destroy());
  const fill = async () => {
    for (const header of headers) {
      const entryDone = onceWhileOpen(archive, 'entry');
      current = WRITERS[format]({ orm, header, includeNotes });
      archive.append(current, { name: transcriptFileName(header, format), date: new Date() });
      await entryDone;
    }
    await archive.finalize();
  };
  fill().catch((error: unknown) => archive.destroy(error as Error));
  return archive;
}
