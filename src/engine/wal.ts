/**
 * Append-only, checksummed write-ahead log with group commit.
 *
 * Frame: u32 LE payload length, u32 LE crc32(payload), payload. `append` resolves only after the
 * frame is fsynced; appends arriving while a sync is in flight are written and synced together
 * (group commit). Replay stops at the first short or corrupt frame: a torn tail can only come from a
 * write that was never acknowledged, so it is cut off (and truncated, so later appends follow the
 * intact prefix).
 */
import { type FileHandle, open, readFile, rename, truncate } from 'node:fs/promises';
import { dirname } from 'node:path';
import { crc32 } from 'node:zlib';

const HEADER = 8;

export function encodeFrame(payload: Buffer): Buffer {
  const frame = Buffer.allocUnsafe(HEADER + payload.length);
  frame.writeUInt32LE(payload.length, 0);
  frame.writeUInt32LE(crc32(payload), 4);
  payload.copy(frame, HEADER);
  return frame;
}

/** Every intact frame's payload; `validBytes` is where the intact prefix ends. */
export function decodeFrames(data: Buffer): { payloads: Buffer[]; validBytes: number } {
  const payloads: Buffer[] = [];
  let offset = 0;
  while (offset + HEADER <= data.length) {
    const length = data.readUInt32LE(offset);
    const end = offset + HEADER + length;
    if (end > data.length || length === 0) break;
    const payload = data.subarray(offset + HEADER, end);
    if (crc32(payload) !== data.readUInt32LE(offset + 4)) break;
    payloads.push(payload);
    offset = end;
  }
  return { payloads, validBytes: offset };
}

export async function replayLog(path: string): Promise<{ payloads: Buffer[]; bytes: number }> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { payloads: [], bytes: 0 };
    throw error;
  }
  const { payloads, validBytes } = decodeFrames(data);
  if (validBytes < data.length) await truncate(path, validBytes);
  return { payloads, bytes: validBytes };
}

/** Makes a created, renamed or removed directory entry durable. */
export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes a whole log atomically (temp file, fsync, rename, fsync of the directory): compaction.
 * `payloads` may yield between chunks so that encoding a large namespace does not block the loop.
 */
export async function writeLogAtomically(path: string, payloads: AsyncIterable<Buffer[]>): Promise<number> {
  const tmp = `${path}.tmp`;
  const handle = await open(tmp, 'w');
  let bytes = 0;
  try {
    for await (const chunk of payloads) {
      const data = Buffer.concat(chunk.map(encodeFrame));
      await handle.write(data);
      bytes += data.length;
    }
    await handle.datasync();
  } finally {
    await handle.close();
  }
  await rename(tmp, path);
  await fsyncDir(dirname(path));
  return bytes;
}

/** Replaces a small file atomically (temp file, fsync, rename, fsync of the directory). */
export async function writeFileAtomically(path: string, data: string | Buffer): Promise<void> {
  const tmp = `${path}.tmp`;
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(data);
    await handle.datasync();
  } finally {
    await handle.close();
  }
  await rename(tmp, path);
  await fsyncDir(dirname(path));
}

export class WriteAheadLog {
  private handle: FileHandle | undefined;
  private pending: { frame: Buffer; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private flushing: Promise<void> | undefined;
  private failed: unknown;
  bytes: number;

  constructor(
    private readonly path: string,
    initialBytes: number,
  ) {
    this.bytes = initialBytes;
  }

  append(payload: Buffer): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
    const frame = encodeFrame(payload);
    return new Promise((resolve, reject) => {
      this.pending.push({ frame, resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      try {
        if (!this.handle) {
          this.handle = await open(this.path, 'a');
          if (this.bytes === 0) await fsyncDir(dirname(this.path));
        }
        const data = batch.length === 1 ? batch[0]!.frame : Buffer.concat(batch.map((p) => p.frame));
        await this.handle.write(data);
        await this.handle.datasync();
        this.bytes += data.length;
        for (const p of batch) p.resolve();
      } catch (error) {
        // A failed write may have left a partial frame: replay will cut it off, but later appends
        // must not follow it, so the log refuses further writes until the namespace is reopened.
        for (const p of batch) p.reject(error);
        for (const p of this.pending) p.reject(error);
        this.pending = [];
        this.failed = error;
      }
    }
    this.flushing = undefined;
  }

  /** Waits for queued appends, then closes the file. */
  async close(): Promise<void> {
    await this.flushing;
    await this.handle?.close();
    this.handle = undefined;
  }

  /** Replaces the log (compaction). The caller must not append concurrently. */
  async rewrite(payloads: AsyncIterable<Buffer[]>): Promise<void> {
    await this.close();
    this.bytes = await writeLogAtomically(this.path, payloads);
  }
}
