/**
 * Structured JSON logs, one line per event. Callers pass only fields they chose (ids, codes,
 * timings); as a safety net, fields whose name suggests payload or credentials are dropped, so a
 * vector, metadata value or token can never reach the log by accident.
 */
import type { LogLevel } from '../config-guards.js';

export type LogFields = Record<string, string | number | boolean | null | undefined | string[]>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };
/** Never logged, whatever a caller passes. */
const FORBIDDEN =
  /^(values|vector|vectors|sparse.*|metadata|setMetadata|filter|variables|query|token|authorization|secret)$/i;
const MAX_STRING = 200;

/**
 * Lines for stdout, written once per event-loop turn: one write for all the requests that finished
 * in it (stdout to a file or pipe is written synchronously: a write per request line cost ~30 µs of
 * every request). What is pending is written on exit too; a SIGKILL loses at most one turn's lines.
 */
let pending: string[] = [];
function flushStdout(): void {
  if (pending.length === 0) return;
  const text = `${pending.join('\n')}\n`;
  pending = [];
  process.stdout.write(text);
}
process.on('exit', flushStdout);
const stdoutLine = (line: string) => {
  if (pending.push(line) === 1) setImmediate(flushStdout);
};

export function createLogger(level: LogLevel, write: (line: string) => void = stdoutLine): Logger {
  const emit = (at: Exclude<LogLevel, 'silent'>, msg: string, fields: LogFields = {}) => {
    if (RANK[at] < RANK[level]) return;
    const line: Record<string, unknown> = { level: at, time: new Date().toISOString(), msg };
    for (const [key, value] of Object.entries(fields)) {
      if (value === undefined || FORBIDDEN.test(key)) continue;
      line[key] =
        typeof value === 'string' && value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
    }
    write(JSON.stringify(line));
  };
  return {
    debug: (msg, fields) => emit('debug', msg, fields),
    info: (msg, fields) => emit('info', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
  };
}

/** Yoga's logger interface, on top of ours: Yoga logs masked (unexpected) errors through `error`. */
export function yogaLogger(logger: Logger) {
  const text = (args: unknown[]) => args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
  return {
    debug: (...args: unknown[]) => logger.debug('yoga', { detail: text(args) }),
    info: (...args: unknown[]) => logger.info('yoga', { detail: text(args) }),
    warn: (...args: unknown[]) => logger.warn('yoga', { detail: text(args) }),
    error: (...args: unknown[]) => {
      const error = args.find((a): a is Error => a instanceof Error);
      logger.error('unexpected error', { detail: text(args), errorName: error?.name, stack: error?.stack });
    },
  };
}
