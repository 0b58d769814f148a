// The browser host: room core + loopback bridge + Chromium windows, without Electron.
export { startBrowserHost, type BrowserHost, type BrowserHostOptions } from './browserHost';
export { BridgeServer, type BridgeServerOptions } from './bridgeServer';
export { checkApiRequest, checkAssetRequest, newBridgeSecret, type BridgeIdentity, type RequestFacts } from './bridgeAuth';
export { ChromiumWindows, chromiumArgs, findChromium } from './chromiumLauncher';
export { listDisplays, parseXrandrMonitors } from './displays';
export { findRendererDir, parseHostArgs, runBrowserHost } from './main';
