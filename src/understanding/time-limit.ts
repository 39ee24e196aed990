// A time limit on reading one message. mailparser has none, and cannot be interrupted from
// outside, but it works through its input in small asynchronous steps. So the message is fed to
// it as a stream, and at the deadline a timer destroys that stream: mailparser then destroys
// its parser and rejects, and the caller gets a TimeLimitError. A message built to be slow (a
// thousand nested multiparts over megabytes of boundary-like lines takes tens of seconds to
// parse) stops at the limit, give or take one step. understand() is synchronous but bounded
// by its own caps on the text it reads; the pipeline checks the clock after it.
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';

export class TimeLimitError extends Error {
  override readonly name = 'TimeLimitError';
}

const CHUNK_BYTES = 64 * 1024;

/** A deadline on performance.now()'s clock, `ms` from now. */
export function deadlineIn(ms: number): number {
  return performance.now() + ms;
}

export function pastDeadline(deadline: number | undefined): boolean {
  return deadline !== undefined && performance.now() > deadline;
}

/**
 * Runs `parse` over `raw`; with a deadline, over a stream of it that is destroyed at the
 * deadline (parse must reject when its input stream fails, as mailparser's simpleParser does).
 */
export async function withinDeadline<T>(raw: Buffer, deadline: number | undefined, parse: (input: Buffer | Readable) => Promise<T>): Promise<T> {
  if (deadline === undefined) return parse(raw);
  if (pastDeadline(deadline)) throw new TimeLimitError('no time left to read the message');
  let offset = 0;
  const input = new Readable({
    highWaterMark: CHUNK_BYTES,
    read() {
      const end = Math.min(raw.length, offset + CHUNK_BYTES);
      this.push(raw.subarray(offset, end));
      offset = end;
      if (offset >= raw.length) this.push(null);
    },
  });
  const timer = setTimeout(() => {
    input.destroy(new TimeLimitError('reading the message took longer than the time limit'));
  }, Math.max(0, deadline - performance.now()));
  try {
    return await parse(input);
  } catch (err) {
    // mailparser may report the destroyed parser rather than our error: the deadline decides.
    if (pastDeadline(deadline)) throw new TimeLimitError('reading the message took longer than the time limit', { cause: err });
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
