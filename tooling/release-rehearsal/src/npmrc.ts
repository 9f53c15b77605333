// The npm settings that point a scope at the rehearsal's registry, written at run time into the
// folders that need them (never into a committed file: the address and the token exist only while
// the rehearsal runs). Every other package still comes from the machine's configured registry.

/**
 * `.npmrc` lines sending each scope's packages to `registryUrl`; with a token, the line that
 * authenticates to that registry only (keyed by its host and path, so no other registry sees it).
 */
export function scopeNpmrc(scopes: string[], registryUrl: string, token?: string): string {
  const url = new URL(registryUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`scopeNpmrc: not a registry URL: ${registryUrl}`);
  }
  const base = url.href.endsWith('/') ? url.href : `${url.href}/`;
  const lines = scopes.map((scope) => {
    if (!/^@[a-z0-9][\w.-]*$/.test(scope)) throw new Error(`scopeNpmrc: not a scope: ${scope}`);
    return `${scope}:registry=${base}`;
  });
  if (token !== undefined) {
    if (!token || /\s/.test(token)) throw new Error('scopeNpmrc: the token is empty or has spaces');
    lines.push(`//${url.host}${new URL(base).pathname}:_authToken=${token}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The scopes of some package names (`@scope/name`); an unscoped name has none. */
export function scopesOf(names: string[]): string[] {
  return [...new Set(names.flatMap((name) => name.match(/^@[^/]+(?=\/)/)?.[0] ?? []))].sort();
}

/**
 * npm's environment sending the scopes to one registry. changesets reads it (not .npmrc) to pick
 * where it checks and publishes each scoped package. Only the scopes: tools the release fetches
 * (the pinned pnpm, through npx) still come from the machine's registry.
 */
export function registryEnv(scopes: string[], registryUrl: string): Record<string, string> {
  return Object.fromEntries(scopes.map((scope) => [`npm_config_${scope}:registry`, registryUrl]));
}
