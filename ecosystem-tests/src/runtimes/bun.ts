// Bun: the matrix app on Bun.serve, on a free loopback port, which it prints for the test.
import { type AppConfig, matrixApp } from '../app.ts';

const config = JSON.parse(process.env.MATRIX_CONFIG ?? '') as AppConfig;
// A slow upstream is the case under test: no idle timeout of Bun's own may end it first.
const server = Bun.serve({
  hostname: '127.0.0.1',
  port: 0,
  idleTimeout: 0,
  fetch: matrixApp(config),
});
console.log(JSON.stringify({ listening: server.port, version: Bun.version }));
