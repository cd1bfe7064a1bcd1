import type { PartSink } from './decrypt-stream';

/**
 * Opens a destination for a decrypted attachment. Called first thing in the click handler, while
 * the browser still counts the click as a user gesture (the save picker needs one). Resolves to
 * null when the recipient cancels the picker.
 */
export interface FileSaver {
  open(fileName: string, size: number): Promise<PartSink | null>;
}

/** Above this size the File System Access API, where present, writes to disk as bytes arrive. */
export const STREAM_TO_DISK_THRESHOLD = 256 * 1024 * 1024;

/** Keeps a sender-chosen name from carrying a path, device names or control characters. */
export function safeFileName(name: string): string {
  const cleaned = name
    // Control characters are exactly what this removes.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 200);
  return cleaned || 'attachment';
}

/**
 * Collects the decrypted bytes and saves them only after the last record authenticated. The blob is
 * typed application/octet-stream whatever the sender declared: a blob: URL has the portal's origin,
 * and an HTML or SVG "attachment" opened from it must not render there.
 */
export function blobSink(doc: Document, fileName: string): PartSink {
  let chunks: BlobPart[] = [];
  return {
    write(chunk) {
      // Stream chunks are never backed by shared memory; the DOM typings cannot know that.
      chunks.push(chunk as Uint8Array<ArrayBuffer>);
    },
    async close() {
      const blob = new Blob(chunks, { type: 'application/octet-stream' });
      chunks = [];
      const url = URL.createObjectURL(blob);
      const anchor = doc.createElement('a');
      anchor.href = url;
      anchor.download = safeFileName(fileName);
      anchor.rel = 'noopener';
      doc.body.append(anchor);
      anchor.click();
      anchor.remove();
      // Revoking at once can cancel the download in some browsers; a minute is plenty to start it.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
    async abort() {
      chunks = [];
    },
  };
}

interface WritableFile {
  write(data: Uint8Array): Promise<void>;
  close(): Promise<void>;
  abort(reason?: unknown): Promise<void>;
}
interface SaveFileHandle {
  createWritable(): Promise<WritableFile>;
  /** Chromium: deletes the (empty) file the picker created. */
  remove?: () => Promise<void>;
}
type SavePicker = (options: { suggestedName: string }) => Promise<SaveFileHandle>;

/** Writes to disk as bytes arrive, so memory stays flat; an abort discards and removes the file. */
async function pickerSink(picker: SavePicker, fileName: string): Promise<PartSink | null> {
  let handle: SaveFileHandle;
  try {
    handle = await picker({ suggestedName: safeFileName(fileName) });
  } catch {
    return null;
  }
  const writable = await handle.createWritable();
  return {
    write: (chunk) => writable.write(chunk),
    close: () => writable.close(),
    async abort(reason) {
      await writable.abort(reason).catch(() => undefined);
      await handle.remove?.().catch(() => undefined);
    },
  };
}

export function browserFileSaver(win: Window): FileSaver {
  return {
    async open(fileName, size) {
      const picker = (win as Window & { showSaveFilePicker?: SavePicker }).showSaveFilePicker;
      if (picker && size > STREAM_TO_DISK_THRESHOLD) return pickerSink(picker.bind(win), fileName);
      return blobSink(win.document, fileName);
    },
  };
}
