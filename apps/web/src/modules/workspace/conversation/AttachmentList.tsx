import type { AttachmentRef } from '@parley/contracts';
import { IconFile, IconPhoto } from '@tabler/icons-react';
import classes from './Timeline.module.css';

function sizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * The files of a text message (an e-mail's attachments), each a download from Parley with its size.
 * Media messages show their one file themselves (MessageContent).
 */
export function AttachmentList({ files }: { files: readonly AttachmentRef[] }) {
  return (
    <div data-testid="message-attachments">
      {files.map((file) => {
        const Icon = file.mimeType.startsWith('image/') ? IconPhoto : IconFile;
        return (
          <div key={file.id} className={classes.attachment}>
            <Icon size={18} stroke={1.6} aria-hidden />
            <a
              className={classes.link}
              href={`/api/attachments/${file.id}`}
              target="_blank"
              rel="noreferrer noopener"
            >
              {file.fileName}
            </a>
            <span className={classes.muted}>{sizeLabel(file.size)}</span>
          </div>
        );
      })}
    </div>
  );
}
