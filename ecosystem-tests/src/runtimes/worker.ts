// workerd: the matrix app as a Worker module. Its configuration arrives as a text binding with
// the first request, so the app is made then.
import { type AppConfig, matrixApp } from '../app.ts';

interface Env {
  MATRIX_CONFIG: string;
}

let app: ((request: Request) => Promise<Response>) | undefined;

export default {
  fetch(request: Request, env: Env): Promise<Response> {
    app ??= matrixApp(JSON.parse(env.MATRIX_CONFIG) as AppConfig);
    return app(request);
  },
};
