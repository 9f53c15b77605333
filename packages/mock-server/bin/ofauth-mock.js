#!/usr/bin/env node
// The package's bin. It lives outside dist/ so that pnpm can link it before the first build,
// and says so plainly when the build has not run yet.
// A computed specifier: type-checking the package must not need a build.
const cli = new URL('../dist/cli.js', import.meta.url).href;
try {
  await import(cli);
} catch (error) {
  const { code, message } = /** @type {{ code?: string, message?: string }} */ (error);
  if (code === 'ERR_MODULE_NOT_FOUND' && String(message).includes('dist/cli.js')) {
    console.error('ofauth-mock: not built yet; run the build first (README: Quick start).');
    process.exit(1);
  }
  throw error;
}
