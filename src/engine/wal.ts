/**
 * Append-only, checksummed write-ahead log with group commit.
 *
 * Frame: u32 LE payload length, u32 LE crc32(payload), payload (UTF-8 JSON). `append` resolves only
 * after the frame is fsynced; appends arriving while a sync is in flight are written and synced
 * together (group commit). `replay` stops at the first short or corrupt frame: a torn tail can only
 * come from a write that was never acknowledged, so it is cut off.
 */
import { type FileHandle, open, readFile, rename, truncate } from 'node:fs/promises';
import { crc32 } from 'node:zlib';

const HEADER = 8;

export function encodeFrame(entry: unknown): Buffer {
  const payload = Buffer.from(JSON.stringify(entry), 'utf8');
  const frame = Buffer.allocUnsafe(HEADER + payload.length);
  frame.writeUInt32LE(payload.length, 0);
  frame.writeUInt32LE(crc32(payload), 4);
  payload.copy(frame, HEADER);
  return frame;
}

/** Decodes every intact frame; `validBytes` is where the intact prefix ends. */
export function decodeFrames(data: Buffer): { entries: unknown[]; validBytes: number } {
  const entries: unknown[] = [];
  let offset = 0;
  while (offset + HEADER <= data.length) {
    const length = data.readUInt32LE(offset);
    const end = offset + HEADER + length;
    if (end > data.length) break;
    const payload = data.subarray(offset + HEADER, end);
    if (crc32(payload) !== data.readUInt32LE(offset + 4)) break;
    try {
      entries.push(JSON.parse(payload.toString('utf8')));
    } catch {
      break;
    }
    offset = end;
  }
  return { entries, validBytes: offset };
}

export async function replayLog(path: string): Promise<{ entries: unknown[]; bytes: number }> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], bytes: 0 };
    throw error;
  }
  const { entries, validBytes } = decodeFrames(data);
  if (validBytes < data.length) await truncate(path, validBytes);
  return { entries, bytes: validBytes };
}

/** Writes a whole log atomically (temp file, fsync, rename): used by compaction. */
export async function writeLogAtomically(path: string, entries: unknown[]): Promise<number> {
  const tmp = `${path}.tmp`;
  const handle = await open(tmp, 'w');
  let bytes = 0;
  try {
    for (const entry of entries) {
      const frame = encodeFrame(entry);
      await handle.write(frame);
      bytes += frame.length;
    }
    await handle.datasync();
  } finally {
    await handle.close();
  }
  await rename(tmp, path);
  return bytes;
}

export class WriteAheadLog {
  private handle: FileHandle | undefined;
  private pending: { frame: Buffer; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private flushing: Promise<void> | undefined;
  bytes: number;

  constructor(
    private readonly path: string,
    initialBytes: number,
  ) {
    this.bytes = initialBytes;
  }

  append(entry: unknown): Promise<void> {
    const frame = encodeFrame(entry);
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
        this.handle ??= await open(this.path, 'a');
        const data = Buffer.concat(batch.map((p) => p.frame));
        await this.handle.write(data);
        await this.handle.datasync();
        this.bytes += data.length;
        for (const p of batch) p.resolve();
      } catch (error) {
        for (const p of batch) p.reject(error);
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

  /** Replaces the log with `entries` (compaction). The caller must not append concurrently. */
  async rewrite(entries: unknown[]): Promise<void> {
    await this.close();
    this.bytes = await writeLogAtomically(this.path, entries);
  }
}
