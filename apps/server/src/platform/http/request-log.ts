import type { FastifyRequest } from 'fastify';

/** Query parameters that carry e-mailed secrets (invitation, password reset and registration links). */
const SECRET_QUERY = /([?&]token=)[^&#]*/gi;

export const withoutSecrets = (url: string) => url.replace(SECRET_QUERY, '$1[redacted]');

/**
 * Fastify's request log entry, minus the secrets a URL can carry: the pages and lookups opened
 * from e-mailed links have the token in their query string, and logs are kept and shared.
 */
export function requestLogSerializer(request: FastifyRequest) {
  return {
    method: request.method,
    url: withoutSecrets(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
