// @ts-check
// Preloaded into the Prism child (node --import) so that a seed makes `x-faker` values repeatable.
//
// Prism 5.14 seeds json-schema-faker before each generation (`option('random', seedrandom(seed))`)
// but not faker, which json-schema-faker calls for `x-faker` and which keeps its own generator:
// with a seed, ids and array lengths repeat while names, texts and URLs change on every request.
// Here faker is seeded from that same seeded generator each time Prism sets one, so the same seed
// gives the same body. These are the module instances Prism itself loads (same resolved files).
//
// Plain JavaScript, not built: the child loads it straight from the package, from src or dist.
import { createRequire } from 'node:module';

/** @typedef {{ option(name: string | Record<string, unknown>, value?: unknown): unknown }} JsonSchemaFaker */

const fromHere = createRequire(import.meta.url);
const fromCli = createRequire(fromHere.resolve('@stoplight/prism-cli/package.json'));
const fromHttp = createRequire(fromCli.resolve('@stoplight/prism-http'));
/** @type {{ JSONSchemaFaker: JsonSchemaFaker }} */
const { JSONSchemaFaker } = fromHttp('json-schema-faker');
/** @type {{ default: { seed(seed: number): unknown } }} */
const { default: faker } = fromHttp('@faker-js/faker');

const original = JSONSchemaFaker.option;
/** @type {JsonSchemaFaker['option']} */
const seededOption = (name, value) => {
  if (name === 'random' && typeof value === 'function') {
    faker.seed(Math.floor(value() * 2 ** 32));
  }
  return original.call(JSONSchemaFaker, name, value);
};
// Keep the helpers hung on the original function (json-schema-faker's `option.getDefaults`).
JSONSchemaFaker.option = Object.assign(seededOption, original);
