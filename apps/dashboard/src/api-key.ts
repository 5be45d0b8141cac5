// The API key lives in sessionStorage: it survives a reload of this tab and disappears with it.
// It is never bundled, logged or put in a URL.
const STORAGE_KEY = "instantly-dashboard.api-key";

export function loadApiKey(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled: the key then lives in memory only
  }
}

export function saveApiKey(key: string): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, key);
  } catch {
    // memory only
  }
}

export function forgetApiKey(): void {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing stored
  }
}
