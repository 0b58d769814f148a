// The stage: the part of a screen where the far end appears. Issue 6 places far-end capture tiles
// here from CLUE spatial information (RFC 8845 §6) in the current layout; until then it shows the
// call status.
import type { ReactElement } from 'react';
import { CallStatus } from '../call/CallStatus';

export function Stage(): ReactElement {
  return (
    <main className="stage" data-testid="stage">
      <CallStatus />
    </main>
  );
}
