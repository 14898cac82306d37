// The one way the app talks HTTP: JSON in and out, problem+json errors as ApiError, the bearer
// token from the session, and connectivity/expiry signals for the shell.
import type { FieldError, Problem } from './types';

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;

  constructor(status: number, problem: Problem | null, message?: string) {
    super(message ?? problem?.detail ?? problem?.title ?? `Request failed (${status})`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /** The messages for one field (as the API names it, e.g. `title` or `reminders[0].before_due`). */
  fieldErrors(): FieldError[] {
    return this.problem?.errors ?? [];
  }

  messageFor(field: string): string | undefined {
    const hit = this.fieldErrors().find((e) => e.field === field || e.field.startsWith(field + '.') || e.field.startsWith(field + '['));
    return hit?.message;
  }
}

/** The API could not be reached at all (no HTTP answer). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('The server cannot be reached. Check your connection; nothing you typed is lost.');
    this.name = 'NetworkError';
    this.cause = cause;
  }
}

export interface ClientHooks {
  token(): string | null;
  /** A request answered 401 although it carried a token: the session is over. */
  onUnauthorized(): void;
  onReachable(): void;
  onUnreachable(): void;
}

let hooks: ClientHooks = {
  token: () => null,
  onUnauthorized: () => {},
  onReachable: () => {},
  onUnreachable: () => {},
};

export function configureClient(next: ClientHooks): void {
  hooks = next;
}

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  ifMatch?: number;
  headers?: Record<string, string>;
  contentType?: string;
  /** Send without the bearer token (sign-in, sign-up). */
  anonymous?: boolean;
  keepalive?: boolean;
}

export interface ApiResponse<T> {
  status: number;
  data: T;
  headers: Headers;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const token = options.anonymous ? null : hooks.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = options.contentType ?? 'application/json';
  if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      keepalive: options.keepalive,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    hooks.onUnreachable();
    throw new NetworkError(error);
  }
  if (response.status === 502 || response.status === 503 || response.status === 504) {
    hooks.onUnreachable();
  } else {
    hooks.onReachable();
  }
  const text = await response.text();
  const type = response.headers.get('Content-Type') ?? '';
  const json = text && (type.includes('json') || text.startsWith('{') || text.startsWith('[')) ? safeParse(text) : null;
  if (!response.ok) {
    const problem = json && typeof json === 'object' && 'status' in (json as object) ? (json as Problem) : null;
    if (response.status === 401 && token) hooks.onUnauthorized();
    throw new ApiError(response.status, problem);
  }
  return { status: response.status, data: json as T, headers: response.headers };
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** A readable sentence for any error a request can throw. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const problem = error.problem;
    if (problem?.errors?.length) return problem.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    return problem?.detail ?? problem?.title ?? error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The cursor of the next keyset page, from `X-Next-Cursor` or the `Link: <…>; rel="next"` header. */
export function nextCursor(headers: Headers): string | null {
  const direct = headers.get('X-Next-Cursor');
  if (direct) return direct;
  const link = headers.get('Link');
  if (!link) return null;
  const match = /<([^>]+)>\s*;\s*rel="next"/.exec(link);
  if (!match) return null;
  const url = new URL(match[1], 'http://x');
  return url.searchParams.get('cursor');
}
