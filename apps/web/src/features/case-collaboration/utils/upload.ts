import { Problem, type Locale } from '@glocal/contracts';
import { ApiProblem } from '../../../lib/api-problem';
import type { ResponseSchema } from '../../../lib/api-client';
import { CSRF_HEADER, csrfToken } from '../../../lib/session';

/**
 * Sends one file as multipart/form-data (part `file`), reporting progress: fetch cannot tell how
 * much of a body has gone, XMLHttpRequest can. Failures become ApiProblems like every API call.
 */
export function uploadWithProgress<T>(
  url: string,
  file: File,
  { locale, onProgress, schema }: { locale: Locale; onProgress: (fraction: number) => void; schema: ResponseSchema<T> },
): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.withCredentials = true;
    request.setRequestHeader('Accept', 'application/json, application/problem+json');
    request.setRequestHeader('Accept-Language', locale);
    const token = csrfToken();
    if (token) request.setRequestHeader(CSRF_HEADER, token);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(new ApiProblem('service_unavailable', 0));
    request.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = undefined;
      }
      if (request.status >= 200 && request.status < 300) {
        const parsed = schema.safeParse(body);
        if (parsed.success) resolve(parsed.data);
        else reject(new ApiProblem('internal_error', request.status));
        return;
      }
      const problem = Problem.safeParse(body);
      reject(problem.success ? new ApiProblem(problem.data.code, request.status, problem.data) : new ApiProblem(request.status === 413 ? 'payload_too_large' : 'internal_error', request.status));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}
