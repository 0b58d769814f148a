// Which room screen this window shows: the window URL says (?screen=ID), under both hosts.
export function screenIdFrom(search: string): string | undefined {
  const id = new URLSearchParams(search).get('screen');
  return id !== null && /^[A-Za-z][A-Za-z0-9_-]{0,31}$/.test(id) ? id : undefined;
}
