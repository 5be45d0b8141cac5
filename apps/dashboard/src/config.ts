/**
 * Where the app sends requests. Only the base URL is build-time configuration; the API key is entered by the
 * user at run time (see api-key.ts) and never bundled.
 */
export const configuredBaseUrl: string | undefined = import.meta.env.VITE_INSTANTLY_BASE_URL || undefined;

/** Without a configured API the app serves itself from the mock API (msw service worker). */
export const usesMockApi = configuredBaseUrl === undefined;
