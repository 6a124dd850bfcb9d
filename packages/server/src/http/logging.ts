import { Writable } from 'node:stream';
import { styleText } from 'node:util';
import { type FastifyReply, type FastifyRequest, type FastifyServerOptions, LogController } from 'fastify';
import { prettyFactory } from 'pino-pretty';

/** JSON lines for machines (production, files, pipes); one short human line per request in a terminal. */
export type LogFormat = 'pretty' | 'json';

/** `auto`: pretty when the log goes to a terminal. NODE_ENV=production makes the setting `json` (config.ts). */
export function resolveLogFormat(setting: LogFormat | 'auto', toTerminal: boolean): LogFormat {
  return setting === 'auto' ? (toTerminal ? 'pretty' : 'json') : setting;
}

/**
 * Logs say what happened to which route, never what was sent: no bodies, no query strings (search terms can
 * be names), no headers (cookies), and database errors by SQLSTATE only, since their messages can echo values.
 * Both formats get the same serialized fields; the pretty one only prints fewer of them.
 */
export function loggingOptions(
  level: string,
  options: { format?: LogFormat; stream?: NodeJS.WritableStream } = {},
): Pick<FastifyServerOptions, 'logger' | 'logController'> {
  const pretty = options.format === 'pretty';
  const stream = pretty ? terminalLogStream(options.stream ?? process.stdout) : options.stream;
  return {
    logger: {
      level,
      ...(stream === undefined ? {} : { stream }),
      serializers: {
        req: (request: { method: string; url: string; id: string }) => ({
          method: request.method,
          path: redactPathSecrets(request.url.split('?')[0] ?? ''),
          id: request.id,
        }),
        res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
        err: safeErrorForLog as never,
      },
    },
    ...(pretty ? { logController: new OneLinePerRequest() } : {}),
  };
}

/** A terminal gets no "incoming request" line: the one line per request, at its end, names the route too. */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  // Fastify's own "Route GET:<url> not found" repeats the 404 line, with the query string.
  override routeNotFound(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    const line = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}

const levelNames: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

interface LogLine {
  level?: number;
  msg?: string;
  req?: { method?: string; path?: string };
  res?: { statusCode?: number };
  responseTime?: number;
}

/** Control characters in a logged text could drive the terminal (escape sequences): they show as `?`. */
function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

type Paint = (color: 'red' | 'yellow' | 'dim', text: string) => string;
const plain: Paint = (_color, text) => text;
const ansi: Paint = (color, text) => styleText(color, text, { validateStream: false });

/** `GET /api/patients 200 12ms` for a request; otherwise the message, after its level when above info. */
export function terminalMessage(log: LogLine, paint: Paint = plain): string {
  const level = levelNames[log.level ?? 30];
  const prefix = level === undefined ? '' : `${paint((log.level ?? 0) >= 50 ? 'red' : 'yellow', level)} `;
  const { req, res, responseTime } = log;
  if (req?.method !== undefined && req.path !== undefined && res?.statusCode !== undefined) {
    const status = res.statusCode;
    const statusText =
      status >= 500 ? paint('red', `${status}`) : status >= 400 ? paint('yellow', `${status}`) : `${status}`;
    const took = typeof responseTime === 'number' ? ` ${paint('dim', `${Math.round(responseTime)}ms`)}` : '';
    return `${prefix}${printable(`${req.method} ${req.path}`)} ${statusText}${took}`;
  }
  return `${prefix}${printable(log.msg ?? '')}`;
}

/**
 * Pretty lines (pino-pretty) for a person at a terminal. Fastify's "Server listening at" lines are left out: the
 * banner of `tandem serve` says where Tandem runs.
 */
export function terminalLogStream(destination: NodeJS.WritableStream): Writable {
  const paint = (destination as { isTTY?: boolean }).isTTY === true ? ansi : plain;
  const prettify = prettyFactory({
    singleLine: true,
    ignore: 'time,level,pid,hostname,reqId,req,res,responseTime,msg',
    messageFormat: (log) => terminalMessage(log as LogLine, paint),
  });
  return new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, done) {
      for (const text of String(chunk).split('\n')) {
        if (text === '') continue;
        let log: LogLine;
        try {
          log = JSON.parse(text) as LogLine;
        } catch {
          destination.write(`${text}\n`);
          continue;
        }
        if (log.level === 30 && log.msg?.startsWith('Server listening at ') === true) continue;
        destination.write(prettify(log));
      }
      done();
    },
  });
}

/**
 * Invitation links carry their one-time token in the path (/invitations/<token>, /api/invitations/<token>/accept);
 * the log shows `:token` instead. Every segment after `invitations/` is hidden unless it is an id (a UUID) or
 * one of the API's fixed words, so that a truncated or mistyped token is hidden too.
 */
const invitationSegment = /(\/invitations\/)([^/]+)/g;
const uuidSegment = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const fixedInvitationSegments = new Set(['staff', 'staff-candidates']);

/** A password reset link (/reset-password/<token>) carries its token the same way: always hidden. */
const resetSegment = /(\/reset-password\/)([^/]+)/g;

export function redactPathSecrets(path: string): string {
  return path
    .replace(invitationSegment, (match, prefix: string, segment: string) =>
      uuidSegment.test(segment) || fixedInvitationSegments.has(segment) ? match : `${prefix}:token`,
    )
    .replace(resetSegment, '$1:token');
}

export function safeErrorForLog(error: unknown): Record<string, unknown> {
  const value = error as {
    name?: string;
    code?: string;
    message?: string;
    stack?: string;
    constraint?: string;
  };
  if (typeof value?.code === 'string' && /^[0-9A-Z]{5}$/.test(value.code)) {
    return { type: 'DatabaseError', sqlState: value.code, constraint: value.constraint };
  }
  return {
    type: value?.name ?? typeof error,
    code: value?.code,
    message: value?.message,
    stack: value?.stack,
  };
}
