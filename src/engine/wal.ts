/**
 * Append-only, checksummed write-ahead log with group commit.
 *
 * Frame: u32 LE payload length, u32 LE crc32(payload), payload. `append` resolves only after the
 * frame is durable: the log is opened with O_DSYNC, so one write (writev of every queued frame) is
 * one thread-pool round trip that returns once the data and the file size are on disk, as with
 * write + fdatasync. Appends arriving while a write is in flight are written together (group commit).
 */
import { constants } from 'node:fs';
import { type FileHandle, open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { crc32 } from 'node:zlib';

const HEADER = 8;
export const FRAME_HEADER = HEADER;
const APPEND = constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND | constants.O_DSYNC;

export function encodeFrame(payload: Buffer): Buffer {
  const frame = Buffer.allocUnsafe(HEADER + payload.length);
  payload.copy(frame, HEADER);
  return sealFrame(frame);
}

/** Fills in the header of a frame built with HEADER bytes of room before its payload. */
export function sealFrame(frame: Buffer): Buffer {
  frame.writeUInt32LE(frame.length - HEADER, 0);
  frame.writeUInt32LE(crc32(frame.subarray(HEADER)), 4);
  return frame;
}

/** The same for a frame whose payload ends in a separate buffer `tail` (written right after). */
export function sealSplitFrame(head: Buffer, tail: Uint8Array): Buffer {
  head.writeUInt32LE(head.length - HEADER + tail.byteLength, 0);
  head.writeUInt32LE(crc32(tail, crc32(head.subarray(HEADER))), 4);
  return head;
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
  async function* frames() {
    for await (const chunk of payloads) yield chunk.map(encodeFrame);
  }
  return writeFramesAtomically(path, frames());
}

/** The same with ready frames (a chunk's buffers are written together with writev, uncopied). */
export async function writeFramesAtomically(path: string, chunks: AsyncIterable<Buffer[]>): Promise<number> {
  const tmp = `${path}.tmp`;
  const handle = await open(tmp, 'w');
  let bytes = 0;
  try {
    for await (const chunk of chunks) bytes += await writeAll(handle, chunk);
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
  /** Bytes at the start of the log that are a snapshot (set by the owner; kept across rewrites). */
  snapshotBytes = 0;
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
    return this.appendFrame(encodeFrame(payload));
  }

  /** Appends a sealed frame (see sealFrame). */
  appendFrame(frame: Buffer): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
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
          this.handle = await open(this.path, APPEND);
          if (this.bytes === 0) await fsyncDir(dirname(this.path));
        }
        this.bytes += await writeAll(
          this.handle,
          batch.map((p) => p.frame),
        );
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

  /** Replaces the log with `frames` (a snapshot). The caller must not append concurrently. */
  async rewrite(frames: AsyncIterable<Buffer[]>): Promise<void> {
    await this.close();
    this.bytes = await writeFramesAtomically(this.path, frames);
    this.snapshotBytes = this.bytes;
  }
}

/** Writes every buffer (writev, continuing after short writes); returns the bytes written. */
async function writeAll(handle: FileHandle, buffers: Buffer[]): Promise<number> {
  let total = 0;
  for (const b of buffers) total += b.length;
  let done = 0;
  let rest = buffers;
  while (done < total) {
    const { bytesWritten } = await handle.writev(rest);
    if (bytesWritten <= 0) throw new Error('log write made no progress');
    done += bytesWritten;
    let skip = bytesWritten;
    const next: Buffer[] = [];
    for (const b of rest) {
      if (skip >= b.length) skip -= b.length;
      else {
        next.push(skip > 0 ? b.subarray(skip) : b);
        skip = 0;
      }
    }
    rest = next;
  }
  return total;
}
