/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Base URL of a real Instantly API. Unset → the app runs against the in-browser mock API. */
  readonly VITE_INSTANTLY_BASE_URL?: string;
}
