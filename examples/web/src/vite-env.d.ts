/// <reference types="vite/client" />

// The build-time settings the app reads (see src/config.ts and the README).
interface ImportMetaEnv {
  readonly VITE_OFAUTH_BASE_URL?: string;
  readonly VITE_OFAUTH_API_KEY?: string;
  readonly VITE_OFAUTH_CONNECTION_ID?: string;
  readonly VITE_OFAUTH_PAGE_SIZE?: string;
}
