// The room view's entry (bundled to out/renderer/app.js). Order matters: window.telescene first
// (preload or bridge), then the stores are fed from its events, then keys and React.
import { createRoot } from 'react-dom/client';
import { feedStores } from './bridge/feedStores';
import { installBridge } from './bridge/installBridge';
import { useHelpStore } from './features/help/helpStore';
import { listenForRoomKeys } from './features/keys/roomKeys';
import { ScreenView } from './screen/ScreenView';
import { screenIdFrom } from './screen/screenId';

function fatal(message: string): void {
  const root = document.getElementById('root');
  if (!root) return;
  const box = document.createElement('div');
  box.className = 'fatal';
  box.setAttribute('data-testid', 'fatal');
  box.textContent = message;
  root.replaceChildren(box);
}

function start(): void {
  const screenId = screenIdFrom(window.location.search);
  const bridge = installBridge();
  if (!bridge.ok) return fatal(bridge.reason);
  const api = window.telescene;
  if (!api) return fatal('The room core is not reachable from this window.');
  if (!screenId) return fatal('This window’s address names no screen (?screen=ID).');
  feedStores(api);
  listenForRoomKeys(window, api, () => useHelpStore.getState().rows);
  const root = document.getElementById('root');
  if (root) createRoot(root).render(<ScreenView screenId={screenId} />);
}

start();
