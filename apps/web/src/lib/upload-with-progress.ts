import { Problem } from '@glocal/contracts';
import { ApiProblem } from './api-problem';
import type { ResponseSchema } from './api-client';
import { CSRF_HEADER, csrfToken } from './session';

/**
 * Sends a request body with XMLHttpRequest rather than fetch: only XHR reports how much of an
 * upload has gone, which a large file on a slow line needs. `onProgress` gets 0…1 while sending,
 * then null once the body is sent (the server is still checking it) or when the size is unknown.
 * Same credentials, CSRF token and problem details as the API client.
 */
export function sendWithProgress<T>(
  url: string,
  body: FormData | string,
  {
    contentType,
    locale,
    onProgress,
    schema,
  }: { contentType?: string; locale: string; onProgress: (fraction: number | null) => void; schema: ResponseSchema<T> },
): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.withCredentials = true;
    // FormData sets its own multipart boundary: only other bodies name their type.
    if (contentType) request.setRequestHeader('Content-Type', contentType);
    request.setRequestHeader('Accept', 'application/json, application/problem+json');
    request.setRequestHeader('Accept-Language', locale);
    const token = csrfToken();
    if (token) request.setRequestHeader(CSRF_HEADER, token);
    request.upload.onprogress = (event) => onProgress(event.lengthComputable ? event.loaded / event.total : null);
    request.upload.onload = () => onProgress(null);
    request.onerror = () => reject(new ApiProblem('service_unavailable', 0));
    request.onload = () => {
      let answer: unknown;
      try {
        answer = JSON.parse(request.responseText);
      } catch {
        answer = undefined;
      }
      if (request.status >= 200 && request.status < 300) {
        const parsed = schema.safeParse(answer);
        if (parsed.success) resolve(parsed.data);
        else reject(new ApiProblem('internal_error', request.status));
        return;
      }
      const problem = Problem.safeParse(answer);
      reject(
        problem.success
          ? new ApiProblem(problem.data.code, request.status, problem.data)
          : new ApiProblem(request.status === 413 ? 'payload_too_large' : 'internal_error', request.status),
      );
    };
    request.send(body);
  });
}
