// A scripted fetch for unit tests: answers each call with the next scripted reply, records every
// request it saw (and when, so retry delays can be read under fake timers), and honours the
// request's signal like a real fetch does.

/** A reply: a Response to return, an Error to throw, or 'hang' to never answer. */
export type Reply = Response | Error | 'hang' | (() => Response | Error | 'hang');

export interface Seen {
  url: URL;
  method: string;
  headers: Headers;
  signal: AbortSignal;
  /** What the client asked of redirects (it must be 'manual': see transport.ts). */
  redirect: RequestRedirect | undefined;
  at: number;
}

export interface FakeFetch {
  (url: string, init: RequestInit): Promise<Response>;
  seen: Seen[];
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function fakeFetch(...replies: Reply[]): FakeFetch {
  const seen: Seen[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    // The client calls fetch like the platform's: a URL and { headers, signal, redirect }.
    const signal = init.signal as AbortSignal;
    seen.push({
      url: new URL(url),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      signal,
      redirect: init.redirect,
      at: Date.now(),
    });
    const scripted = replies.shift();
    if (scripted === undefined)
      throw new Error(`fake fetch: no reply scripted for call ${seen.length}`);
    const reply = typeof scripted === 'function' ? scripted() : scripted;
    if (signal.aborted) throw signal.reason;
    if (reply === 'hang') {
      return new Promise<Response>((_, reject) => {
        signal.addEventListener('abort', () => reject(signal.reason));
      });
    }
    if (reply instanceof Error) throw reply;
    return reply;
  }) as FakeFetch;
  fetch.seen = seen;
  return fetch;
}

/** A page of `listMassMessages` with `count` minimal items numbered from `first`. */
export function massPage(first: number, count: number, hasMore: boolean) {
  return {
    hasMore,
    list: Array.from({ length: count }, (_, i) => ({
      id: first + i,
      text: `message ${first + i}`,
      fromUser: { id: 1, name: 'Mia' },
      media: [],
      previews: [],
    })),
  };
}

/** A page of `listPurchasedMassMessages` with `count` minimal items numbered from `first`. */
export function purchasedPage(first: number, count: number, hasMore: boolean) {
  return {
    hasMore,
    items: Array.from({ length: count }, (_, i) => ({
      id: first + i,
      date: '2026-11-21T09:00:00+00:00',
      text: `purchase ${first + i}`,
      media: [],
      previews: [],
      releaseForms: [],
    })),
  };
}
