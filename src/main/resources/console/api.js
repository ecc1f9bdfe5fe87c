// Calls of the renewal API with the signed-in person's token. Every refusal becomes an
// ApiProblem carrying the problem+json fields; the page shows its detail, never raw JSON.
import { token } from './auth.js';

export class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.status = status;
    this.code = problem.code ?? null;
    this.title = problem.title ?? null;
    this.detail = problem.detail ?? null;
    this.blockers = problem.blockers ?? [];
    this.network = problem.network ?? false;
  }
}

/** Answers {status, body, headers}; a 4xx/5xx throws ApiProblem (network failures too). */
export async function call(method, path, { body, headers = {} } = {}) {
  const init = { method, headers: { Accept: 'application/json', ...headers } };
  if (token()) init.headers.Authorization = `Bearer ${token()}`;
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiProblem(0, { network: true });
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    throw new ApiProblem(response.status, json && typeof json === 'object' ? json : {});
  }
  return { status: response.status, body: json, headers: response.headers };
}

export const get = (path) => call('GET', path).then((r) => r.body);
export const put = (path, body) => call('PUT', path, { body }).then((r) => r.body);
