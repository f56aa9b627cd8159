/**
 * The one transport: an openapi-fetch client over the generated `paths`, so a wrong path, method, parameter or body
 * fails the web type check. Middleware adds the bearer token and turns an empty success body into "no content";
 * `call` shows the server's Chinese error message and handles 401 → login. Binary downloads go through `fetchFile`,
 * whose path is typed by the same contract.
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

/** Drops empty values (undefined, null, ''), so an unset filter is not sent. */
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
  return (await settle(pending, options)).data as T;
}

/**
 * Like `call`, for a route that answers a file (a PDF): the call is made with `parseAs: 'stream'`, so the body is
 * still unread, and the response itself is answered (its blob and headers, e.g. X-Letters-Issued).
 */
export async function callForFile(pending: Promise<{ error?: unknown; response: Response }>, options: CallOptions = {}): Promise<Response> {
  return (await settle(pending, options)).response;
}

async function settle<R extends { error?: unknown; response: Response }>(pending: Promise<R>, options: CallOptions): Promise<R> {
  let result: R;
  try {
    result = await pending;
  } catch {
    const error = new ApiError(0, 'network_error', '无法连接服务器，请检查网络后重试');
    if (!options.quiet) handlers.showError(error.message);
    throw error;
  }
  const { response } = result;
  if (response.ok) return result;
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

/** A path template with each `{param}` standing for any text: '/communities/{communityId}/seals' → `/communities/${string}/seals`. */
type Filled<P extends string> = P extends `${infer Head}{${string}}${infer Rest}` ? `${Head}${string}${Filled<Rest>}` : P;

/** The contract's paths that answer a GET, without the '/api' prefix the file fetch adds. */
type GetPath = {
  [P in keyof paths]: paths[P]['get'] extends undefined ? never : P extends `/api${infer Rest}` ? Rest : never;
}[keyof paths];

/**
 * A file download's path: a GET route of the contract with its parameters filled in (and an optional query), so a
 * mistyped download path fails the web type check as the JSON calls do.
 */
export type FilePath = Filled<GetPath> | `${Filled<GetPath>}?${string}`;

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
export async function fetchFile(path: FilePath): Promise<{ blob: Blob; filename: string }> {
  const token = tokenStore.get();
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
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

/**
 * A photo URL the API itself handed out (the `url` of a request's or a rectification's photo,
 * '/api/communities/…/photos/…') as the path fetchFile takes; any other address is refused rather than fetched.
 */
export function servedFile(url: string): FilePath {
  const m = /^\/api\/communities\/([^/?#]+)\/(requests|rectifications)\/([^/?#]+)\/photos\/([^/?#]+)$/.exec(url);
  if (!m) throw new ApiError(0, 'bad_file_url', '文件地址无效');
  return m[2] === 'requests'
    ? `/communities/${m[1]}/requests/${m[3]}/photos/${m[4]}`
    : `/communities/${m[1]}/rectifications/${m[3]}/photos/${m[4]}`;
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
