// A fetch for the client that keeps a copy of every response body it hands over, so the checks
// validate exactly what came over the wire (not what the client made of it), and that refuses
// to send more than a set number of requests, which bounds every check, paging included.
// It knows nothing of the spec: the checks match a response to its operation by `path`.

export interface RecordedResponse {
  /** The request's path, without the query: `/v2/access/mass-messages`. */
  path: string;
  /** `GET /path?query` — never headers, which hold the API key. */
  request: string;
  status: number;
  /** The parsed JSON body, or the raw text when it is not JSON. */
  body: unknown;
}

export class RequestBudgetExceeded extends Error {
  override readonly name = 'RequestBudgetExceeded';
}

export interface RecordingFetch {
  fetch: typeof fetch;
  /** Responses since the last `clear()`, in the order they arrived. */
  responses: RecordedResponse[];
  /** Requests sent since the last `clear()` (responses included or not). */
  readonly sent: number;
  /** Forgets what was recorded and resets the request budget. */
  clear(): void;
}

export interface RecordingFetchOptions {
  /** Requests allowed between two `clear()`s; one more throws RequestBudgetExceeded. */
  maxRequests: number;
  fetch?: typeof fetch;
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function createRecordingFetch(options: RecordingFetchOptions): RecordingFetch {
  const inner = options.fetch ?? globalThis.fetch;
  const responses: RecordedResponse[] = [];
  let sent = 0;

  const recordingFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    if (sent >= options.maxRequests) {
      throw new RequestBudgetExceeded(
        `the check tried to send more than ${options.maxRequests} requests (next: ${request.method} ${new URL(request.url).pathname})`,
      );
    }
    sent += 1;
    const response = await inner(request);
    const url = new URL(request.url);
    responses.push({
      path: url.pathname,
      request: `${request.method} ${url.pathname}${url.search}`,
      status: response.status,
      body: parseBody(await response.clone().text()),
    });
    return response;
  };

  return {
    fetch: recordingFetch,
    responses,
    get sent() {
      return sent;
    },
    clear() {
      responses.length = 0;
      sent = 0;
    },
  };
}
