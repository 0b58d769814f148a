// A banner while the room configuration file has problems: the room keeps running on the last
// good configuration, and the screens say what to fix, field by field.
import type { ReactElement } from 'react';
import { Icon } from '../../ui/icons';
import { useRoomStore } from './roomStore';

const SHOWN = 4;

export function ConfigProblems(): ReactElement | null {
  const problems = useRoomStore((s) => s.configProblems);
  if (problems.length === 0) return null;
  return (
    <section className="banner banner-warning" role="alert" data-testid="config-problems">
      <Icon name="warning" className="banner-icon" />
      <div>
        <div className="banner-title">The room configuration file has {problems.length === 1 ? 'a problem' : `${problems.length} problems`}</div>
        <div className="banner-text">Running on the last good configuration until it is fixed.</div>
        <ul className="banner-list">
          {problems.slice(0, SHOWN).map((p) => (
            <li key={p}>{p}</li>
          ))}
          {problems.length > SHOWN ? <li>and {problems.length - SHOWN} more (see the log)</li> : null}
        </ul>
      </div>
    </section>
  );
}
