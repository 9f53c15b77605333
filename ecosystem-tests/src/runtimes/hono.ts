// Hono: the proxy mounted in a Hono app, as the proxy's README shows (`app.all('/api/*', …)`).
import { Hono } from 'hono';
import { type AppConfig, matrixProxy } from '../app.ts';

export function matrixHonoApp(config: Omit<AppConfig, 'totals'>): Hono {
  const proxy = matrixProxy(config);
  const app = new Hono();
  app.all('/api/*', (c) => proxy(c.req.raw));
  return app;
}
