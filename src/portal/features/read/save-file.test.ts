import 'global-jsdom/register';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { STREAM_TO_DISK_THRESHOLD, blobSink, browserFileSaver, safeFileName } from './save-file';

/** Watches object URLs and anchor clicks, which is all a browser download is from the page. */
function watchDownloads() {
  const created: Blob[] = [];
  const clicked: Array<{ download: string; href: string }> = [];
  URL.createObjectURL = (blob: Blob) => {
    created.push(blob);
    return `blob:http://localhost:3000/${created.length}`;
  };
  URL.revokeObjectURL = () => undefined;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    clicked.push({ download: this.download, href: this.href });
  };
  return { created, clicked };
}

describe('saving a decrypted attachment', () => {
  it('makes one download of the whole file when the sink closes, as opaque bytes', async () => {
    const { created, clicked } = watchDownloads();
    const sink = blobSink(document, 'report.pdf');
    await sink.write(new Uint8Array([1, 2]));
    await sink.write(new Uint8Array([3]));
    assert.equal(created.length, 0, 'nothing until the last record authenticated');
    await sink.close();
    assert.deepEqual(clicked, [{ download: 'report.pdf', href: 'blob:http://localhost:3000/1' }]);
    assert.equal(created[0]?.type, 'application/octet-stream');
    assert.deepEqual(new Uint8Array(await created[0]!.arrayBuffer()), new Uint8Array([1, 2, 3]));
    assert.equal(document.querySelector('a'), null, 'the helper link is gone again');
  });

  it('makes no file at all when aborted', async () => {
    const { created, clicked } = watchDownloads();
    const sink = blobSink(document, 'report.pdf');
    await sink.write(new Uint8Array([1]));
    await sink.abort(new Error('auth_failed'));
    assert.deepEqual([created.length, clicked.length], [0, 0]);
  });

  it('keeps paths, reserved characters and control characters out of file names', () => {
    assert.equal(safeFileName('../../etc/passwd'), '_.._etc_passwd');
    assert.equal(safeFileName('C:\\Windows\\x.exe'), 'C__Windows_x.exe');
    assert.equal(safeFileName('a\u0000b\nc?.txt'), 'a_b_c_.txt');
    assert.equal(safeFileName(' . '), 'attachment');
  });

  it('writes large files straight to disk where the browser can, and removes them on failure', async () => {
    const log: string[] = [];
    const win = {
      document,
      showSaveFilePicker: async ({ suggestedName }: { suggestedName: string }) => {
        log.push(`pick ${suggestedName}`);
        return {
          createWritable: async () => ({
            write: async () => void log.push('write'),
            close: async () => void log.push('close'),
            abort: async () => void log.push('abort'),
          }),
          remove: async () => void log.push('remove'),
        };
      },
    } as unknown as Window;
    const sink = await browserFileSaver(win).open('big.iso', STREAM_TO_DISK_THRESHOLD + 1);
    await sink?.write(new Uint8Array([1]));
    await sink?.abort(new Error('truncated'));
    assert.deepEqual(log, ['pick big.iso', 'write', 'abort', 'remove']);
  });
});
