/** Opaque pagination cursors: the last key of the previous page, base64url-encoded. */
export const encodeCursor = (key: string): string => Buffer.from(key, 'utf8').toString('base64url');

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  return Buffer.from(cursor, 'base64url').toString('utf8');
}

/** One page of sorted keys after the cursor. */
export function pageOf(sortedKeys: string[], limit: number, after: string | undefined) {
  const start = after === undefined ? 0 : upperBound(sortedKeys, after);
  const page = sortedKeys.slice(start, start + limit);
  const more = start + limit < sortedKeys.length;
  return { page, next: more && page.length > 0 ? encodeCursor(page[page.length - 1]!) : undefined };
}

function upperBound(keys: string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]! <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
