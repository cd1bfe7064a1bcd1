/**
 * One error handler: AppError keeps its code; framework errors (validation, body parsing, size
 * limits) become 4xx with a stable code; anything else is a 500 whose details stay in the log.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, type ErrorBody, type ErrorCode } from '../../shared/errors';

const BY_STATUS: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

export function toErrorBody(err: FastifyError | AppError | Error): { status: number; body: ErrorBody } {
  if (err instanceof AppError) {
    return { status: err.status, body: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } };
  }
  const fe = err as FastifyError;
  if (fe.validation) {
    const fields = fe.validation.map((v) => ({ path: v.instancePath || '/', rule: v.keyword, message: v.message }));
    return { status: 400, body: { code: 'bad_request', message: fe.message, details: { fields } } };
  }
  if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (err instanceof SyntaxError && fe.statusCode === 400)) {
    return { status: 400, body: { code: 'invalid_json', message: 'The request body is not valid JSON.' } };
  }
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return { status: 415, body: { code: 'unsupported_media_type', message: 'This content type is not accepted here.' } };
  }
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return { status: 413, body: { code: 'payload_too_large', message: 'The request body is too large.' } };
  }
  const status = fe.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code = BY_STATUS[status] ?? 'bad_request';
    return { status, body: { code, message: fe.message || 'Bad request.' } };
  }
  return { status: 500, body: { code: 'internal', message: 'Something went wrong on our side.' } };
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const { status, body } = toErrorBody(err);
    // Only these error fields: database errors repeat key values (ids, addresses) in `detail`.
    if (status >= 500) request.log.error({ err: { type: err.name, message: err.message, code: err.code, stack: err.stack } }, 'request failed');
    else request.log.info({ errorCode: body.code, status }, 'request refused');
    if (!reply.sent) reply.status(status).type('application/json').send(body);
  });
  app.setNotFoundHandler((_request, reply) => {
    reply.status(404).send({ code: 'not_found', message: 'Not found.' } satisfies ErrorBody);
  });
}
