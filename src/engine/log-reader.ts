/**
 * Sequential reader of a log file that hands out frame payloads from a reused chunk buffer and can
 * read a long run of bytes straight into the caller's memory (a snapshot block's values into the
 * table's segments): one kernel copy, no intermediate buffer, no file-sized allocation.
 */
import { type FileHandle, open } from 'node:fs/promises';

const CHUNK = 1024 * 1024;

export class LogReader {
  private buffer = Buffer.allocUnsafeSlow(CHUNK);
  private start = 0;
  private end = 0;
  /** File position of buffer[end]. */
  private position = 0;

  private constructor(
    private readonly handle: FileHandle,
    readonly size: number,
  ) {}

  static async open(path: string): Promise<LogReader | undefined> {
    try {
      const handle = await open(path, 'r');
      return new LogReader(handle, (await handle.stat()).size);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** File offset of the next unread byte. */
  get offset(): number {
    return this.position - (this.end - this.start);
  }

  /** The next `n` bytes (valid until the next call), or undefined past the end of the file. */
  async read(n: number): Promise<Buffer | undefined> {
    if (this.offset + n > this.size) return undefined;
    if (this.end - this.start < n) {
      if (n > this.buffer.length) {
        const out = Buffer.allocUnsafe(n);
        return (await this.readInto([out])) ? out : undefined;
      }
      this.buffer.copy(this.buffer, 0, this.start, this.end);
      this.end -= this.start;
      this.start = 0;
      while (this.end < n) {
        const want = Math.min(this.buffer.length - this.end, this.size - this.position);
        const { bytesRead } = await this.handle.read(this.buffer, this.end, want, this.position);
        if (bytesRead <= 0) return undefined;
        this.end += bytesRead;
        this.position += bytesRead;
      }
    }
    const out = this.buffer.subarray(this.start, this.start + n);
    this.start += n;
    return out;
  }

  /** Fills `targets` in order with the next bytes; false if the file ends first. */
  async readInto(targets: Uint8Array[]): Promise<boolean> {
    for (const target of targets) {
      let filled = Math.min(target.length, this.end - this.start);
      target.set(this.buffer.subarray(this.start, this.start + filled));
      this.start += filled;
      while (filled < target.length) {
        const { bytesRead } = await this.handle.read(target, filled, target.length - filled, this.position);
        if (bytesRead <= 0) return false;
        filled += bytesRead;
        this.position += bytesRead;
      }
    }
    return true;
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}
