// The little of Deno's and Bun's globals the entries use, so that tsc (with Node's types) checks
// them without either runtime's type package.
declare namespace Deno {
  const version: { deno: string };
  const env: { get(name: string): string | undefined };
  function serve(
    options: { hostname: string; port: number; onListen(address: { port: number }): void },
    handler: (request: Request) => Response | Promise<Response>,
  ): unknown;
}

declare namespace Bun {
  const version: string;
  function serve(options: {
    hostname: string;
    port: number;
    idleTimeout: number;
    fetch(request: Request): Response | Promise<Response>;
  }): { port: number };
}
