// The renderer's built files (out/renderer) as the browser host serves them: only files inside the
// folder, only known types, never a directory listing. "/" is the room view's index.html.
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

const MAX_ASSET_BYTES = 16 * 1024 * 1024;

/** The file a URL path names inside `root`, or undefined for anything outside it or of unknown type. */
export function resolveAsset(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  if (relative.split('/').some((part) => part === '..' || part.startsWith('.'))) return undefined;
  const base = resolve(root);
  const file = resolve(base, relative);
  if (!file.startsWith(base + sep)) return undefined;
  return CONTENT_TYPES[extname(file).toLowerCase()] ? file : undefined;
}

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Reads an asset; undefined when it is missing, not a regular file, or too large. */
export async function readAsset(file: string): Promise<Buffer | undefined> {
  try {
    const info = await stat(file);
    if (!info.isFile() || info.size > MAX_ASSET_BYTES) return undefined;
    return await readFile(file);
  } catch {
    return undefined;
  }
}
