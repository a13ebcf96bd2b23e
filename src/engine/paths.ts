/**
 * Where an index's namespaces live on disk. A namespace's directory is named by the SHA-256 of its
 * name (names may be 512 characters of any ASCII) and sharded two levels deep
 * (`namespaces/ab/cd/<hash>`), so a million namespaces leave about 15 entries per leaf folder.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';

export const namespacesDir = (indexDir: string) => join(indexDir, 'namespaces');
export const trashDir = (indexDir: string) => join(indexDir, 'trash');

export function namespaceDir(indexDir: string, name: string): string {
  const hash = createHash('sha256').update(name).digest('hex');
  return join(namespacesDir(indexDir), hash.slice(0, 2), hash.slice(2, 4), hash);
}
