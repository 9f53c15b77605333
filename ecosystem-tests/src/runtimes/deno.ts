// Deno: the matrix app on Deno.serve, on a free loopback port, which it prints for the test.
import { type AppConfig, matrixApp } from '../app.ts';

const config = JSON.parse(Deno.env.get('MATRIX_CONFIG') ?? '') as AppConfig;
Deno.serve(
  {
    hostname: '127.0.0.1',
    port: 0,
    onListen: ({ port }) =>
      console.log(JSON.stringify({ listening: port, version: Deno.version.deno })),
  },
  matrixApp(config),
);
