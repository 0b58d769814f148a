// The call, large, in the middle of the screen: what state it is in, with whom, for how long, and
// which key to press next. Readable from the back of the room.
import { useEffect, useState, type ReactElement } from 'react';
import type { CallState } from '../../../shared/ipc/contract';
import { firstKeyFor } from '../help/keyCaps';
import { useHelpStore } from '../help/helpStore';
import { useCallStore } from './callStore';

const TITLES: Record<CallState, string> = {
  idle: 'Ready',
  calling: 'Calling…',
  ringing: 'Incoming call',
  connected: 'In call',
  ending: 'Ending call…',
};

export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h ? String(m).padStart(2, '0') : String(m);
  return `${h ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

export function CallStatus(): ReactElement {
  const { state, remote, since, endReason } = useCallStore();
  const rows = useHelpStore((s) => s.rows);
  const now = useNow(state === 'connected');
  const key = (intent: string) => firstKeyFor(rows, intent);
  const hints: { cap: string; text: string }[] = [];
  const hint = (intent: string, text: string) => {
    const cap = key(intent);
    if (cap) hints.push({ cap, text });
  };
  if (state === 'idle') hint('call', 'to call');
  if (state === 'idle' && endReason) hint('hangup', 'to dismiss');
  if (state === 'ringing') hint('answer', 'to answer');
  if (state !== 'idle') hint('hangup', state === 'ringing' ? 'to decline' : 'to hang up');
  hint('toggleHelp', 'for room keys');
  return (
    <div className={`call call-${state}`} data-testid="call-status" data-state={state}>
      <div className="call-badge" aria-hidden="true">
        <span className="call-ring" />
        <span className="call-dot" />
      </div>
      <h1 className="call-title">{TITLES[state]}</h1>
      {remote ? <div className="call-remote">{remote}</div> : null}
      {state === 'connected' && since !== null ? <div className="call-duration">{formatDuration(now - since)}</div> : null}
      {state === 'idle' && endReason ? (
        <div className="call-notice" data-testid="call-notice">
          {endReason}
        </div>
      ) : null}
      {hints.length ? (
        <div className="call-hints">
          {hints.map((h) => (
            <span key={h.text} className="hint">
              <kbd>{h.cap}</kbd> {h.text}
            </span>
          ))}
        </div>
      ) : null}
    </div>
  );
}
