/**
 * Uploads encrypted parts with XMLHttpRequest, for two things fetch cannot do in a browser:
 * upload progress (`upload.onprogress`), and a streamed body over HTTP/1.1 (Chromium allows
 * streaming request bodies only over HTTP/2). So each part is first encrypted into a Blob, which
 * browsers keep on disk when it is large, then sent in one request that "Cancel" can abort.
 */
import { ApiError, type PartUploader } from '../../../shared/protocol/sender-client';
import { readError } from '../../../client/api/http';

export interface XhrUploaderOptions {
  signal: AbortSignal;
  /** Bytes uploaded so far over all parts of this message. */
  onProgress: (uploaded: number) => void;
  createXhr?: () => XMLHttpRequest;
}

export const abortError = () => new DOMException('The upload was cancelled.', 'AbortError');

export function xhrUploader({ signal, onProgress, createXhr = () => new XMLHttpRequest() }: XhrUploaderOptions): PartUploader {
  let done = 0;
  return async (url, token, body, size) => {
    const blob = body instanceof Uint8Array ? new Blob([body as Uint8Array<ArrayBuffer>]) : await new Response(body).blob();
    if (signal.aborted) throw abortError();
    // The service checks the size too; failing here names the cause before anything is sent.
    if (blob.size !== size) throw new Error(`Encrypted part is ${blob.size} bytes, declared ${size}.`);
    await new Promise<void>((resolve, reject) => {
      const xhr = createXhr();
      const abort = () => xhr.abort();
      signal.addEventListener('abort', abort, { once: true });
      const settle = (fn: () => void) => {
        signal.removeEventListener('abort', abort);
        fn();
      };
      xhr.open('PUT', url);
      xhr.setRequestHeader('authorization', `Bearer ${token}`);
      xhr.setRequestHeader('content-type', 'application/octet-stream');
      xhr.upload.onprogress = (event) => onProgress(done + Math.min(event.loaded, size));
      xhr.onload = () =>
        settle(() => {
          if (xhr.status >= 200 && xhr.status < 300) {
            done += size;
            onProgress(done);
            resolve();
          } else {
            void readError(new Response(xhr.responseText || null, { status: xhr.status })).then((error) => reject(new ApiError(xhr.status, error)));
          }
        });
      xhr.onerror = () => settle(() => reject(new TypeError('The upload failed.')));
      xhr.onabort = () => settle(() => reject(abortError()));
      xhr.send(blob);
    });
  };
}
