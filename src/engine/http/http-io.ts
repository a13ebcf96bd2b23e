/** Reading requests and writing responses: JSON bodies with a size cap, query strings, headers. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PineconeHttpError } from './errors.js';

/** Bodies above this are refused outright; upserts are further held to Pinecone's 2 MB. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      throw new PineconeHttpError('PAYLOAD_TOO_LARGE', `Request body exceeds ${MAX_BODY_BYTES} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** An empty body reads as `{}`; anything that is not a JSON object is a client error. */
export function parseJsonObject(raw: Buffer, status: 400 | 422 = 400): Record<string, unknown> {
  if (raw.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch (error) {
    const code = status === 422 ? 'UNPROCESSABLE_ENTITY' : 'INVALID_ARGUMENT';
    throw new PineconeHttpError(code, `Request body is not valid JSON: ${(error as Error).message}`, status);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const code = status === 422 ? 'UNPROCESSABLE_ENTITY' : 'INVALID_ARGUMENT';
    throw new PineconeHttpError(code, 'Request body must be a JSON object', status);
  }
  return value as Record<string, unknown>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendEmpty(res: ServerResponse, status: number): void {
  res.writeHead(status, { 'content-length': 0 });
  res.end();
}
