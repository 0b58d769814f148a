// Typed events (the mediasoup-client style: `Events = { statechange: [State] }`). A listener that
// throws is caught and reported through onListenerError, so one bad subscriber cannot break a
// protocol loop that is emitting.
export type EventMap = Record<string, unknown[]>;

export class TypedEvents<E extends EventMap> {
  // Listeners are stored untyped; on()/emit() are the typed doors.
  private readonly listeners = new Map<keyof E, Set<(...args: unknown[]) => void>>();

  constructor(private readonly onListenerError: (event: string, error: unknown) => void = () => {}) {}

  on<K extends keyof E>(event: K, fn: (...args: E[K]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    const stored = fn as unknown as (...args: unknown[]) => void;
    set.add(stored);
    return () => void set.delete(stored);
  }

  once<K extends keyof E>(event: K, fn: (...args: E[K]) => void): () => void {
    const off = this.on(event, (...args: E[K]) => {
      off();
      fn(...args);
    });
    return off;
  }

  emit<K extends keyof E>(event: K, ...args: E[K]): void {
    const set = this.listeners.get(event);
    if (!set) return;
    for (const fn of [...set]) {
      try {
        fn(...args);
      } catch (error) {
        this.onListenerError(String(event), error);
      }
    }
  }

  removeAll(): void {
    this.listeners.clear();
  }
}
