import { Transform, type TransformCallback } from 'node:stream';
import { AppError } from '../../shared/errors';

/** Passes bytes through and fails as soon as more than `expected` arrive. */
export class SizeGuard extends Transform {
  seen = 0;
  constructor(private readonly expected: number) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
    this.seen += chunk.length;
    if (this.seen > this.expected) {
      done(new AppError('upload_size_mismatch', `The part is larger than the declared ${this.expected} bytes.`));
      return;
    }
    done(null, chunk);
  }
  override _flush(done: TransformCallback) {
    if (this.seen < this.expected) {
      done(new AppError('upload_incomplete', `The part ended after ${this.seen} of ${this.expected} bytes.`));
      return;
    }
    done();
  }
}

/** Maps stream failures (client gone, short body) to the stable upload error codes. */
export function uploadError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  return new AppError('upload_incomplete', 'The upload broke off before the part was complete.');
}
