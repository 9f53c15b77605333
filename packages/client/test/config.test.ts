// The client's options (config.ts, through createClient): what is refused and how it reads, the
// browser rule (no key in a page unless the caller opts in), and proxy mode (a baseUrl, no
// credentials, no auth headers).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../src/client.js';
import { InvalidArgumentError } from '../src/errors.js';
import type { ClientOptions } from '../src/types.js';
import { fakeFetch, json, massPage } from './helpers/fake-fetch.js';

const API_KEY = 'sk_live_config_test_key';
const CREDENTIALS = "a non-empty string (or left out, with a proxy's baseUrl)";
/** What core's one credential rule says a given apiKey or connectionId must be. */
const HEADER =
  'a non-empty string a header can carry: Latin-1 only, no control characters (CR, LF, NUL…), no leading or trailing whitespace';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Makes this test's globals look like a page at `origin` (window, document, location). */
function inBrowser(origin = 'https://app.example.com') {
  vi.stubGlobal('window', {});
  vi.stubGlobal('document', {});
  vi.stubGlobal('location', new URL(`${origin}/inbox`));
}

describe('refused options', () => {
  it.each([
    ['no options', undefined, 'apiKey', `apiKey must be ${CREDENTIALS}`],
    ['null', null, 'apiKey', `apiKey must be ${CREDENTIALS}`],
    ['no apiKey', { connectionId: 'c' }, 'apiKey', `apiKey must be ${CREDENTIALS}`],
    ['an empty apiKey', { apiKey: '', connectionId: 'c' }, 'apiKey', `apiKey must be ${HEADER}`],
    [
      'a numeric apiKey',
      { apiKey: 424242, connectionId: 'c' },
      'apiKey',
      `apiKey must be ${HEADER}`,
    ],
    ['no connectionId', { apiKey: 'k' }, 'connectionId', `connectionId must be ${CREDENTIALS}`],
    [
      'an empty connectionId',
      { apiKey: 'k', connectionId: '' },
      'connectionId',
      `connectionId must be ${HEADER}`,
    ],
    [
      'a connectionId without apiKey, even with a baseUrl',
      { connectionId: 'c', baseUrl: 'http://127.0.0.1:8787' },
      'apiKey',
      `apiKey must be ${CREDENTIALS}`,
    ],
    [
      'a fetch that is not a function',
      { apiKey: 'k', connectionId: 'c', fetch: 'fetch' },
      'fetch',
      'fetch must be a function, got "fetch"',
    ],
    [
      'a relative baseUrl outside a browser',
      { baseUrl: '/api' },
      'baseUrl',
      'baseUrl must be an absolute URL (or, in a browser, a path: /api), got "/api"',
    ],
    [
      'a baseUrl that is not a string',
      { apiKey: 'k', connectionId: 'c', baseUrl: 4010 },
      'baseUrl',
      'baseUrl must be an absolute URL (or, in a browser, a path: /api), got 4010',
    ],
    [
      'timeoutMs 0',
      { apiKey: 'k', connectionId: 'c', timeoutMs: 0 },
      'timeoutMs',
      'timeoutMs must be an integer >= 1, got 0',
    ],
    [
      'maxRetries -1',
      { apiKey: 'k', connectionId: 'c', maxRetries: -1 },
      'maxRetries',
      'maxRetries must be an integer from 0 to 10, got -1',
    ],
    [
      'maxRetries NaN',
      { apiKey: 'k', connectionId: 'c', maxRetries: Number.NaN },
      'maxRetries',
      'maxRetries must be an integer from 0 to 10, got NaN',
    ],
    [
      'maxRetries 11',
      { apiKey: 'k', connectionId: 'c', maxRetries: 11 },
      'maxRetries',
      'maxRetries must be an integer from 0 to 10, got 11',
    ],
    [
      'maxRetries Infinity',
      { apiKey: 'k', connectionId: 'c', maxRetries: Number.POSITIVE_INFINITY },
      'maxRetries',
      'maxRetries must be an integer from 0 to 10, got Infinity',
    ],
    [
      'an unknown logLevel',
      { apiKey: 'k', connectionId: 'c', logLevel: 'verbose' },
      'logLevel',
      'logLevel must be one of "debug", "info", "warn", "error", "off", got "verbose"',
    ],
  ])('refuses %s', (_, options, parameter, message) => {
    const create = () => createClient(options as unknown as ClientOptions);
    expect(create).toThrow(InvalidArgumentError);
    expect(create).toThrow(expect.objectContaining({ parameter, message }));
  });

  it('never puts a bad apiKey’s value in the message', () => {
    expect(() => createClient({ apiKey: 424242 as unknown as string, connectionId: 'c' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('424242') }),
    );
  });
});

describe('unknown options', () => {
  const KNOWN =
    'known: apiKey, connectionId, baseUrl, fetch, timeoutMs, maxRetries, maxResponseBytes, logger, logLevel, logBodies, rateLimit, dangerouslyAllowBrowser';

  // A misspelt option silently ignored leaves the client on a default its author meant to change
  // (no rate limit, the default timeout).
  it.each([
    ['rateLimt', 'rateLimit'],
    ['timeout', 'timeoutMs'],
    ['retries', 'maxRetries'],
    ['loglevel', 'logLevel'],
    ['dangerouslyAllowBrowsers', 'dangerouslyAllowBrowser'],
  ])('refuses %s by name, with the closest known name (%s)', (name, near) => {
    const create = () =>
      createClient({ apiKey: API_KEY, connectionId: 'conn_1', [name]: true } as ClientOptions);
    expect(create).toThrow(InvalidArgumentError);
    expect(create).toThrow(
      expect.objectContaining({
        parameter: name,
        message: `${name} must be left out: it is no option (did you mean ${near}? ${KNOWN})`,
      }),
    );
  });

  it('refuses a name near none, listing the known ones, in proxy mode too', () => {
    const create = () =>
      createClient({ baseUrl: 'http://127.0.0.1:8787', upstream: 'x' } as ClientOptions);
    expect(create).toThrow(
      expect.objectContaining({
        parameter: 'upstream',
        message: `upstream must be left out: it is no option (${KNOWN})`,
      }),
    );
  });

  it('never quotes a credential given under a misspelt name', () => {
    for (const options of [
      { apikey: API_KEY, connectionId: 'conn_1' },
      { apiKey: API_KEY, connectionID: API_KEY },
    ]) {
      const create = () => createClient(options as unknown as ClientOptions);
      expect(create).toThrow(InvalidArgumentError);
      expect(create).toThrow(
        expect.objectContaining({ message: expect.not.stringContaining(API_KEY) }),
      );
    }
  });

  it.each([
    ['logBodies', 'yes', 'logBodies must be true or false, got "yes"'],
    ['dangerouslyAllowBrowser', 1, 'dangerouslyAllowBrowser must be true or false, got 1'],
    ['logger', 'console', 'logger must be an object such as console, got "console"'],
  ])('refuses %s %j, once ignored or read as truthy', (name, value, message) => {
    const create = () =>
      createClient({ apiKey: API_KEY, connectionId: 'conn_1', [name]: value } as ClientOptions);
    expect(create).toThrow(expect.objectContaining({ parameter: name, message }));
  });
});

describe('credentials a header cannot carry', () => {
  // Core's one rule for a credential: one message naming every reason, never the value.
  const cases: [string, string][] = [
    ['a line feed', 'sk_live_4f9a\nX-Injected: 1'],
    ['a carriage return', 'sk_live_4f9a\r'],
    ['a NUL', 'sk_live\u00004f9a'],
    ['a bell', 'sk_live_\u00074f9a'],
    ['a DEL', 'sk_live_\u007f4f9a'],
    ['a character above Latin-1', 'sk_live_ключ_4f9a'],
    ['an emoji', 'sk_live_🔑_4f9a'],
    ['a line separator', 'sk_live_\u20284f9a'],
    ['a leading space', ' sk_live_4f9a'],
    ['a trailing space', 'sk_live_4f9a '],
    ['a leading tab', '\tsk_live_4f9a'],
    ['a trailing no-break space', 'sk_live_4f9a\u00a0'],
  ];
  it.each(
    cases.flatMap(([what, value]) =>
      (['apiKey', 'connectionId'] as const).map((name) => [name, what, value] as const),
    ),
  )('%s with %s: refused, naming what a header carries, never the value', (name, _, value) => {
    const fetch = fakeFetch(json(massPage(1, 1, false)));
    const options = { apiKey: API_KEY, connectionId: 'conn_1', fetch, [name]: value };
    let error: unknown;
    try {
      createClient(options);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({
      parameter: name,
      allowed: HEADER,
      message: `${name} must be ${HEADER}`,
    });
    for (const text of [String(error), JSON.stringify(error), (error as Error).stack]) {
      expect(text).not.toContain(value.trim());
    }
    expect(fetch.seen).toHaveLength(0);
  });

  it.each([
    ['an inner space', 'sk live 4f9a'],
    ['an inner tab', 'sk\tlive'],
    ['a Latin-1 letter', 'sk_live_é_4f9a'],
  ])('takes a key with %s, which a header can carry', async (_, apiKey) => {
    const fetch = fakeFetch(json(massPage(1, 1, false)));
    await createClient({ apiKey, connectionId: 'conn_1', fetch }).listMassMessages();
    expect(fetch.seen[0]?.headers.get('apiKey')).toBe(apiKey);
  });
});

describe('in a browser', () => {
  it('refuses an API key, explaining the proxy, without showing the key', () => {
    inBrowser();
    const create = () => createClient({ apiKey: API_KEY, connectionId: 'c' });
    expect(create).toThrow(InvalidArgumentError);
    expect(create).toThrow(
      expect.objectContaining({
        parameter: 'apiKey',
        message:
          'apiKey must be left out in a browser, where anyone can read it: call a server-side proxy ' +
          '(@ofauth-mass-messages/proxy) at a same-origin baseUrl, or set dangerouslyAllowBrowser',
      }),
    );
    expect(create).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(API_KEY) }),
    );
  });

  it('takes the key when the caller opts in with dangerouslyAllowBrowser', async () => {
    inBrowser();
    const fetch = fakeFetch(json(massPage(1, 1, false)));
    const client = createClient({
      apiKey: API_KEY,
      connectionId: 'c',
      fetch,
      dangerouslyAllowBrowser: true,
    });
    await client.listMassMessages();
    expect(fetch.seen[0]?.headers.get('apiKey')).toBe(API_KEY);
  });

  it('calls a same-origin proxy at a relative baseUrl, with no key and no auth headers', async () => {
    inBrowser('https://app.example.com');
    const fetch = fakeFetch(json(massPage(1, 1, false)));
    const client = createClient({ baseUrl: '/api', fetch });
    await client.listMassMessages({ limit: 1 });
    expect(fetch.seen[0]?.url.href).toBe(
      'https://app.example.com/api/v2/access/mass-messages?limit=1',
    );
    expect([...(fetch.seen[0]?.headers.keys() ?? [])]).toEqual([]);
  });

  it('is not a worker: a key is taken where there is no DOM', () => {
    vi.stubGlobal('location', new URL('https://worker.example.com/'));
    expect(() => createClient({ apiKey: API_KEY, connectionId: 'c' })).not.toThrow();
  });
});

describe('through a proxy on a server', () => {
  it('needs no credentials at an absolute baseUrl and sends no auth headers', async () => {
    const fetch = fakeFetch(json(massPage(1, 1, false)));
    const client = createClient({ baseUrl: 'http://127.0.0.1:8787/api/', fetch });
    await client.listMassMessages();
    expect(fetch.seen[0]?.url.href).toBe('http://127.0.0.1:8787/api/v2/access/mass-messages');
    expect(fetch.seen[0]?.headers.has('apiKey')).toBe(false);
    expect(fetch.seen[0]?.headers.has('x-connection-id')).toBe(false);
  });
});
