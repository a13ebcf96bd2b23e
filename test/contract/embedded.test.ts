/** The repository contract against the embedded engine, in process. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedRepository } from '../../src/repository/embedded.js';
import { vectorRepositoryContract } from './vector-repository.contract.js';

vectorRepositoryContract('embedded', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tvg-contract-'));
  const repository = new EmbeddedRepository(dir);
  return {
    repository,
    async close() {
      await repository.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
