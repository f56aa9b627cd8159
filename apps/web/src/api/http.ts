/**
 * The one transport: an openapi-fetch client over the generated `paths`, so a wrong path, method, parameter or body
 * fails the web type check. Middleware adds the bearer token and turns an empty success body into "no content";
 * `call` shows the server's Chinese error message and handles 401 → login, as `request` did.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './generated/schema';

const TOKEN_KEY = 'gongyi.token';

export const tokenStore = {
  get: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (token: string): void => localStorage.setItem(TOKEN_KEY, token),
  clear: (): void => localStorage.removeItem(TOKEN_KEY),
};

/** An error answered by the API: {statusCode, code, message, details?}. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface Handlers {
  /** Shows an error to the user (wired to antd's message in App). */
  showError: (text: string) => void;
  /** Called after a 401 on an authenticated request. */
  onUnauthorized: () => void;
}

let handlers: Handlers = {
  showError: (text) => console.error(text),
  onUnauthorized: () => window.location.assign('/login'),
};

export function setApiHandlers(next: Partial<Handlers>): void {
  handlers = { ...handlers, ...next };
}

/** Drops empty values (undefined, null, '') as request() always has. */
function querySerializer(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  return params.toString();
}

const emptyIsNoContent: Middleware = {
  async onResponse({ response }) {
    if (!response.ok || response.status === 204) return undefined;
    if ((await response.clone().text()) === '') return new Response(null, { status: 204, headers: response.headers });
    return undefined;
  },
};

const bearer: Middleware = {
  onRequest({ request }) {
    const token = tokenStore.get();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    request.headers.set('Accept', 'application/json');
    return request;
  },
};

/** Signed-in calls: the bearer token is sent. Paths are the OpenAPI templates ('/api/communities/{communityId}/…'). */
export const client = createClient<paths>({ querySerializer, fetch: (r) => fetch(r) });
client.use(bearer, emptyIsNoContent);

/** Anonymous calls (login, activation, public pages): no token, and a 401 is an answer, not an expired session. */
export const publicClient = createClient<paths>({ querySerializer, fetch: (r) => fetch(r) });
publicClient.use(emptyIsNoContent);

export interface CallOptions {
  /** Do not show the error message; the caller displays it itself. */
  quiet?: boolean;
  /** A 401 here is an answer (wrong password), not an expired session. */
  anonymous?: boolean;
}

/**
 * Awaits an openapi-fetch call and answers its data, typed by the contract; a failure becomes an ApiError with the
 * server's {code, message}, shown unless quiet, and a 401 on a signed-in call clears the token and goes to login.
 */
export async function call<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>, options: CallOptions = {}): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await pending;
  } catch {
    const error = new ApiError(0, 'network_error', '无法连接服务器，请检查网络后重试');
    if (!options.quiet) handlers.showError(error.message);
    throw error;
  }
  const { response } = result;
  if (response.ok) return result.data as T;
  const payload = (typeof result.error === 'object' && result.error ? result.error : {}) as {
    code?: string;
    message?: string;
    details?: unknown;
  };
  const error = new ApiError(
    response.status,
    payload.code ?? `http_${response.status}`,
    payload.message ?? `请求失败（${response.status}）`,
    payload.details,
  );
  if (response.status === 401 && !options.anonymous) {
    tokenStore.clear();
    handlers.showError('登录已失效，请重新登录');
    handlers.onUnauthorized();
    throw error;
  }
  if (!options.quiet) handlers.showError(error.message);
  throw error;
}

/** Multipart bodies go as the FormData itself (the browser sets the boundary). */
export const asForm = (form: FormData) => ({ body: form as never, bodySerializer: (b: unknown) => b as FormData });

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  /** A plain object is sent as JSON; FormData as multipart. */
  body?: unknown;
  /** Do not show the error message; the caller displays it itself. */
  quiet?: boolean;
  /** A 401 here is an answer (wrong password), not an expired session. */
  anonymous?: boolean;
}

function url(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = tokenStore.get();
  if (token && !options.anonymous) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(url(path, options.query), { method: options.method ?? 'GET', headers, body });
  } catch {
    const error = new ApiError(0, 'network_error', '无法连接服务器，请检查网络后重试');
    if (!options.quiet) handlers.showError(error.message);
    throw error;
  }

  if (response.ok) {
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  const error = await errorOf(response, '请求失败');
  if (response.status === 401 && !options.anonymous) {
    tokenStore.clear();
    handlers.showError('登录已失效，请重新登录');
    handlers.onUnauthorized();
    throw error;
  }
  if (!options.quiet) handlers.showError(error.message);
  throw error;
}

/** The server's {code, message} as an ApiError; a non-JSON body (a proxy error page) falls back to the status. */
async function errorOf(response: Response, fallback: string): Promise<ApiError> {
  let payload: { code?: string; message?: string; details?: unknown } = {};
  try {
    payload = (await response.json()) as typeof payload;
  } catch {
    // not JSON: fall back to the status below
  }
  return new ApiError(
    response.status,
    payload.code ?? `http_${response.status}`,
    payload.message ?? `${fallback}（${response.status}）`,
    payload.details,
  );
}

/** A file behind the login (a PDF): fetched with the bearer token, errors shown like any other request. */
export async function fetchFile(path: string): Promise<{ blob: Blob; filename: string }> {
  const token = tokenStore.get();
  let response: Response;
  try {
    response = await fetch(url(path), { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    handlers.showError('无法连接服务器，请检查网络后重试');
    throw new ApiError(0, 'network_error', '无法连接服务器，请检查网络后重试');
  }
  if (!response.ok) {
    const error = await errorOf(response, '下载失败');
    handlers.showError(error.message);
    if (response.status === 401) handlers.onUnauthorized();
    throw error;
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  return { blob: await response.blob(), filename: encoded ? decodeURIComponent(encoded) : 'document.pdf' };
}

/** Hands a fetched file to the browser as a download. */
export function saveFile({ blob, filename }: { blob: Blob; filename: string }): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
