/**
 * IndexModel JSON, and the create-index body read in both API versions. One response carries both
 * shapes (reference §2.3): the classic 2026-04 fields that SDK v8 parses (`dimension`, `metric`,
 * `spec`, `vector_type`) and the 2026-07 ones that SDK v9 needs (`deployment`, `schema.fields`,
 * `read_capacity`); each SDK ignores the other's keys. `status.ready` is true at once so
 * `waitUntilReady` does not poll, and `host` carries `http://` and a path prefix so one port serves
 * every index. No `private_host` is sent: the SDK would prefer it.
 */
import type { Metric } from '../types.js';
import type { IndexRecord } from './catalog.js';
import { invalid } from './errors.js';

export function indexModel(record: IndexRecord, baseUrl: string): Record<string, unknown> {
  const { name, dimension, metric, cloud, region } = record;
  return {
    name,
    host: `${baseUrl}/index/${encodeURIComponent(name)}`,
    status: { ready: true, state: 'Ready' },
    deletion_protection: record.deletionProtection,
    tags: record.tags,
    // 2026-04 (SDK v8)
    dimension,
    metric,
    vector_type: 'dense',
    spec: { serverless: { cloud, region } },
    // 2026-07 (SDK v9)
    deployment: { deployment_type: 'managed', cloud, region },
    schema: {
      fields: {
        _values: { type: 'dense_vector', dimension, metric, description: null },
        _sparse_values: { type: 'sparse_vector', description: null },
      },
    },
    read_capacity: { mode: 'OnDemand', status: { state: 'Ready' } },
  };
}

const INDEX_NAME = /^[a-z0-9]([a-z0-9-]{0,43}[a-z0-9])?$/;
const METRICS: Metric[] = ['cosine', 'dotproduct', 'euclidean'];
const CLOUDS = ['aws', 'gcp', 'azure'];

export interface CreateIndexInput {
  name: string;
  dimension: number;
  metric: Metric;
  cloud: string;
  region: string;
  deletionProtection: 'enabled' | 'disabled';
  tags: Record<string, string> | null;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a create body in the 2026-04 form ({dimension, metric, spec}) or the 2026-07 form ({schema, deployment}). */
export function parseCreateIndex(body: Record<string, unknown>): CreateIndexInput {
  const name = body.name;
  if (typeof name !== 'string' || !INDEX_NAME.test(name)) {
    throw invalid(
      'Index name must be 1-45 characters of lowercase alphanumeric characters or "-", starting and ending with an alphanumeric character',
    );
  }
  const dense = isObject(body.schema) ? readSchema(body.schema) : readClassic(body);
  const placement = isObject(body.deployment) ? readDeployment(body.deployment) : readSpec(body.spec);
  return {
    name,
    ...dense,
    ...placement,
    deletionProtection: readProtection(body.deletion_protection) ?? 'disabled',
    tags: readTags(body.tags) ?? null,
  };
}

function readClassic(body: Record<string, unknown>): { dimension: number; metric: Metric } {
  if (body.vector_type === 'sparse') throw invalid('Sparse indexes are not supported by this server');
  if (body.vector_type !== undefined && body.vector_type !== 'dense') {
    throw invalid(`vector_type must be "dense" or "sparse" (got ${JSON.stringify(body.vector_type)})`);
  }
  return { dimension: readDimension(body.dimension), metric: readMetric(body.metric) };
}

function readSchema(schema: Record<string, unknown>): { dimension: number; metric: Metric } {
  const fields = schema.fields;
  if (!isObject(fields)) throw invalid('schema.fields must be an object');
  const other = Object.keys(fields).filter((k) => k !== '_values' && k !== '_sparse_values');
  if (other.length > 0) {
    throw invalid(`Document indexes (schema fields ${other.join(', ')}) are not supported by this server`);
  }
  const values = fields._values;
  if (!isObject(values)) throw invalid('Sparse indexes are not supported by this server');
  if (values.type !== 'dense_vector') throw invalid('schema.fields._values.type must be "dense_vector"');
  return { dimension: readDimension(values.dimension), metric: readMetric(values.metric) };
}

function readDimension(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 20_000) {
    throw invalid(`Dimension must be an integer from 1 to 20000 (got ${JSON.stringify(value)})`);
  }
  return value;
}

function readMetric(value: unknown): Metric {
  if (value === undefined || value === null) return 'cosine';
  if (!METRICS.includes(value as Metric)) {
    throw invalid(`Metric must be one of ${METRICS.join(', ')} (got ${JSON.stringify(value)})`);
  }
  return value as Metric;
}

function readSpec(spec: unknown): { cloud: string; region: string } {
  if (!isObject(spec)) throw invalid('Either spec (2026-04) or deployment (2026-07) is required');
  if (spec.pod !== undefined) throw invalid('Pod-based indexes are not supported by this server');
  const serverless = isObject(spec.serverless)
    ? spec.serverless
    : isObject(spec.byoc)
      ? spec.byoc
      : undefined;
  if (!serverless) throw invalid('spec must hold a serverless object');
  return readPlacement(serverless);
}

function readDeployment(deployment: Record<string, unknown>): { cloud: string; region: string } {
  if (deployment.deployment_type !== 'managed') {
    throw invalid(
      `Only managed (serverless) deployments are supported (got ${JSON.stringify(deployment.deployment_type)})`,
    );
  }
  return readPlacement(deployment);
}

function readPlacement(from: Record<string, unknown>): { cloud: string; region: string } {
  const { cloud, region } = from;
  if (typeof cloud !== 'string' || !CLOUDS.includes(cloud)) {
    throw invalid(`cloud must be one of ${CLOUDS.join(', ')} (got ${JSON.stringify(cloud)})`);
  }
  if (typeof region !== 'string' || region.length === 0) throw invalid('region must be a non-empty string');
  return { cloud, region };
}

export function readProtection(value: unknown): 'enabled' | 'disabled' | undefined {
  if (value === undefined || value === null) return undefined;
  if (value !== 'enabled' && value !== 'disabled') {
    throw invalid(`deletion_protection must be "enabled" or "disabled" (got ${JSON.stringify(value)})`);
  }
  return value;
}

export function readTags(value: unknown): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value) || !Object.values(value).every((v) => typeof v === 'string')) {
    throw invalid('tags must be an object of string values');
  }
  return value as Record<string, string>;
}
