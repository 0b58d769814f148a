// Says so when this screen cannot hear the room core (browser host restarted, bridge dropped).
import { useEffect, useState, type ReactElement } from 'react';
import { Icon } from '../../ui/icons';
import { useConnectionStore } from './connectionStore';

/** A connection that settles quickly is not worth a banner. */
const GRACE_MS = 1500;

export function ConnectionBanner(): ReactElement | null {
  const state = useConnectionStore((s) => s.state);
  const [late, setLate] = useState(false);
  useEffect(() => {
    setLate(false);
    if (state === 'connected') return;
    const timer = setTimeout(() => setLate(true), GRACE_MS);
    return () => clearTimeout(timer);
  }, [state]);
  if (state === 'connected' || !late) return null;
  const text =
    state === 'refused'
      ? 'This screen’s access key is no longer valid: the room host was restarted. Reopen the room view.'
      : 'Lost contact with the room core. Reconnecting…';
  return (
    <section className="banner banner-error" role="alert" data-testid="connection-banner">
      <Icon name="warning" className="banner-icon" />
      <div className="banner-title">{text}</div>
    </section>
  );
}
