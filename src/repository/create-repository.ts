/** The backend from the configuration: Pinecone through the SDK when PINECONE_API_KEY is set, else the embedded engine. */
import type { Config } from '../config.js';
import { EmbeddedRepository } from './embedded.js';
import { PineconeRepository } from './pinecone.js';
import type { VectorRepository } from './types.js';

export function createRepository(config: Config): VectorRepository {
  const p = config.pinecone;
  if (!p.apiKey)
    return new EmbeddedRepository(config.dataDir, { memoryBudgetBytes: config.engineMemoryBudget });
  return new PineconeRepository({
    apiKey: p.apiKey,
    controllerHostUrl: p.controllerHost,
    cloud: p.cloud,
    region: p.region,
    maxRetries: p.maxRetries,
    timeoutMs: p.timeoutMs,
  });
}
