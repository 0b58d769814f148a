// An explicit state machine: a State union, a transition table, InvalidTransitionError for anything
// else (CONVENTIONS 8). Used for the ICE agent, the DTLS transport, data channels and the call.
import { InvalidTransitionError } from './errors';

export type TransitionTable<S extends string> = Readonly<Record<S, readonly S[]>>;

export class StateMachine<S extends string> {
  private current: S;

  constructor(
    private readonly name: string,
    initial: S,
    private readonly table: TransitionTable<S>,
    private readonly onChange: (to: S, from: S) => void = () => {},
  ) {
    this.current = initial;
  }

  get state(): S {
    return this.current;
  }

  can(to: S): boolean {
    return this.table[this.current].includes(to);
  }

  /** Moves to `to`; throws InvalidTransitionError if the table does not allow it. */
  go(to: S): void {
    if (!this.can(to)) throw new InvalidTransitionError(this.name, this.current, to);
    const from = this.current;
    this.current = to;
    this.onChange(to, from);
  }

  /** Moves to `to` if allowed; returns whether it did (for idempotent close paths). */
  tryGo(to: S): boolean {
    if (!this.can(to)) return false;
    this.go(to);
    return true;
  }
}
