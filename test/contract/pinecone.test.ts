/** The repository contract against PineconeRepository → SDK v8 → the engine's Pinecone-compatible server, over real HTTP. */
import { PineconeRepository } from '../../src/repository/pinecone.js';
import { LOCAL_API_KEY, startLocalPinecone } from '../testkit/pinecone.js';
import { vectorRepositoryContract } from './vector-repository.contract.js';

vectorRepositoryContract('pinecone', async () => {
  const local = await startLocalPinecone();
  const repository = new PineconeRepository({
    apiKey: LOCAL_API_KEY,
    controllerHostUrl: local.server.url,
    cloud: 'aws',
    region: 'us-east-1',
    maxRetries: 0,
    timeoutMs: 5000,
  });
  return {
    repository,
    async close() {
      await repository.close();
      if (local.faults.length > 0) throw new Error(`server faults: ${local.faults.map(String).join('; ')}`);
      await local.close();
    },
  };
});
