// The time of day, top right: rooms are booked by the half hour.
import { useEffect, useState, type ReactElement } from 'react';

const format = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

export function Clock(): ReactElement {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 10_000);
    return () => clearInterval(timer);
  }, []);
  return <div className="clock">{format.format(now)}</div>;
}
