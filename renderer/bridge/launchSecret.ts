// The browser host puts this launch's secret in the page URL's fragment (#k=...), which browsers
// never send to a server. It is read once, removed from the address, and kept in sessionStorage so
// that a reload of the same window still works; it is worthless after the host exits.
const STORAGE_KEY = 'telescene.bridgeSecret';
const SECRET = /^[A-Za-z0-9_-]{16,128}$/;

export interface SecretSources {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState'>;
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined;
}

export function takeLaunchSecret(sources: SecretSources): string | undefined {
  const fromHash = new URLSearchParams(sources.location.hash.replace(/^#/, '')).get('k');
  if (fromHash !== null) {
    sources.history.replaceState(null, '', sources.location.pathname + sources.location.search);
    if (SECRET.test(fromHash)) {
      sources.storage?.setItem(STORAGE_KEY, fromHash);
      return fromHash;
    }
  }
  const stored = sources.storage?.getItem(STORAGE_KEY) ?? null;
  return stored !== null && SECRET.test(stored) ? stored : undefined;
}
