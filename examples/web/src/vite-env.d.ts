/// <reference types="vite/client" />

// The build-time settings the app reads (see src/config.ts and the README). None is a secret:
// the API key and connection id are server-side settings of the proxy (OFAUTH_API_KEY, …).
interface ImportMetaEnv {
  readonly VITE_OFAUTH_PAGE_SIZE?: string;
  /** `msw`: answer /api in the page with the mocks package's MSW handlers (no server). */
  readonly VITE_OFAUTH_MOCK?: string;
}
