import express, { type ErrorRequestHandler, type Request, type RequestHandler } from 'express';

const BODY_LIMIT = '10mb';
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Thrown from the parser's verify hook; body-parser keeps its status and type. */
class BodyEncodingError extends Error {
  readonly status = 400;
  readonly expose = true;
  readonly type = 'encoding.invalid_utf8';
}

/**
 * JSON bodies, UTF-8 only. body-parser decodes with replacement, so invalid bytes would become
 * U+FFFD and be stored as if the client had sent them: the raw bytes are checked first instead.
 * Every body is JSON: one without a Content-Type is read as JSON, and one declared as anything
 * else is refused with 415, because skipping it would run a tool on `{}` as if nothing were sent
 * (list_campaigns would answer every campaign to a filter it never saw).
 */
export function jsonBody(): RequestHandler {
  const parse = express.json({
    limit: BODY_LIMIT,
    type: () => true,
    verify: (_request: Request, _response, body: Buffer) => {
      try {
        strictUtf8.decode(body);
      } catch {
        throw new BodyEncodingError('The request body is not valid UTF-8: send JSON encoded as UTF-8.');
      }
    },
  });
  return (request, response, next) => {
    const contentType = request.headers['content-type'];
    if (contentType !== undefined && hasBody(request) && !isJsonType(contentType)) {
      response.status(415).json({ error: { code: 'invalid_input', message: `Content-Type "${contentType}" is not JSON: send the body with the header Content-Type: application/json (curl: -H 'Content-Type: application/json').` } });
      return;
    }
    parse(request, response, next);
  };
}

function isJsonType(contentType: string): boolean {
  const mime = contentType.split(';')[0]!.trim().toLowerCase();
  return mime === 'application/json' || mime.endsWith('+json');
}

function hasBody(request: Request): boolean {
  return request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
}

type BodyError = Error & { type?: string; status?: number; expose?: boolean; charset?: string; encoding?: string };

/** What a client can fix about its body, by body-parser's error type; anything else is ours (500). */
function bodyProblem(error: BodyError): { status: number; message: string } | null {
  switch (error.type) {
    case 'entity.parse.failed':
      return { status: 400, message: `The request body is not valid JSON: ${error.message}` };
    case 'entity.too.large':
      return { status: 413, message: `The request body is larger than ${BODY_LIMIT.replace('mb', ' MB')}.` };
    case 'encoding.invalid_utf8':
      return { status: 400, message: error.message };
    case 'charset.unsupported':
      return { status: 415, message: `The request body's charset "${error.charset ?? ''}" is not supported: send JSON as UTF-8 (charset=utf-8 or none).` };
    case 'encoding.unsupported':
      return { status: 415, message: `Content-Encoding "${error.encoding ?? ''}" is not supported: send the body uncompressed, or with gzip or deflate.` };
    default:
      // Other body-parser failures (a corrupt gzip or brotli stream, an aborted upload) are the client's: 4xx with `expose`.
      if (error.expose && typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
        return { status: error.status, message: `The request body could not be read: ${error.message} (check its Content-Encoding and compression).` };
      }
      return null;
  }
}

/** Answers body problems with a typed invalid_input; passes everything else on. */
export const bodyErrorHandler: ErrorRequestHandler = (error: BodyError, _request, response, next) => {
  const problem = bodyProblem(error);
  if (!problem) return next(error);
  response.status(problem.status).json({ error: { code: 'invalid_input', message: problem.message } });
};
