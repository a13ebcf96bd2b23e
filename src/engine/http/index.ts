/** The engine's Pinecone-compatible HTTP server (see server.ts, and docs/pinecone.md). */
export { IndexCatalog } from './catalog.js';
export { createPineconeHandler, type HandlerOptions } from './router.js';
export { type PineconeServer, type PineconeServerOptions, startPineconeServer } from './server.js';
