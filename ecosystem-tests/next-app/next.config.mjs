// The matrix's Next.js app: one route handler (app/api/[...path]/route.js), built and served as
// production (`next build`, `next start`).
/** @type {import('next').NextConfig} */
export default {
  // No telemetry, and nothing but the route: the app is built fresh on every run.
  poweredByHeader: false,
};
