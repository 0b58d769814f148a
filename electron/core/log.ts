// One logger for the core: a line per event, "LEVEL scope: message key=value ...", on stderr, so a
// facilities person can grep the journal for "WARN transport" and read why a call ended.
// Tests can capture lines with setLogSink().
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | null | undefined>;
export type LogSink = (level: LogLevel, scope: string, message: string, fields: LogFields) => void;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(scope: string): Logger;
}

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };
const threshold = (): number => RANK[(process.env.TELESCENE_LOG as LogLevel | undefined) ?? 'info'] ?? 1;

function format(fields: LogFields): string {
  return Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}=${typeof v === 'string' && /\s/.test(v) ? JSON.stringify(v) : String(v)}`)
    .join('');
}

const stderrSink: LogSink = (level, scope, message, fields) => {
  if (RANK[level] < threshold()) return;
  process.stderr.write(`${level.toUpperCase()} ${scope}: ${message}${format(fields)}\n`);
};

let sink: LogSink = stderrSink;

/** Routes every log line to `next` (tests); returns a function that restores the previous sink. */
export function setLogSink(next: LogSink): () => void {
  const previous = sink;
  sink = next;
  return () => {
    sink = previous;
  };
}

export function createLogger(scope: string): Logger {
  const emit = (level: LogLevel) => (message: string, fields: LogFields = {}) => sink(level, scope, message, fields);
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    child: (sub) => createLogger(`${scope}.${sub}`),
  };
}
