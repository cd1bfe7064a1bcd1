/**
 * Logger options: request lines carry method, path and status only. No IP address, no
 * user-agent, no header values, no bodies; anything that looks like a secret is redacted.
 */
import type { FastifyServerOptions } from 'fastify';

export function loggerOptions(level: string, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: {
      paths: [
        'req.headers',
        'headers',
        'authorization',
        '*.authorization',
        'body',
        '*.body',
        'code',
        '*.code_hash',
        'token',
        '*.token',
        'phone',
        '*.phone',
        'email',
        '*.email',
        'to',
        '*.to',
        'text',
        '*.text',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({ method: req.method, url: req.url.split('?')[0], id: req.id }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}
