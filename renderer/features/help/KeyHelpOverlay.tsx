// The key-help overlay: every room action with the keys the room keymap gives it, shown on all
// screens at once when someone presses the help key.
import type { ReactElement } from 'react';
import { Icon } from '../../ui/icons';
import { firstKeyFor, keyCapLabel } from './keyCaps';
import { useHelpStore } from './helpStore';

export function KeyHelpOverlay(): ReactElement | null {
  const { visible, rows } = useHelpStore();
  if (!visible) return null;
  const close = firstKeyFor(rows, 'toggleHelp');
  return (
    <div className="overlay" data-testid="key-help">
      <section className="help" role="dialog" aria-label="Room keys">
        <header className="help-header">
          <Icon name="keyboard" />
          <h2>Room keys</h2>
        </header>
        <dl className="help-rows">
          {rows.map((row) => (
            <div key={row.intent} className={`help-row ${row.keys.length ? '' : 'help-row-unset'}`} data-intent={row.intent}>
              <dt>{row.label}</dt>
              <dd>
                {row.keys.length ? row.keys.map((k) => <kbd key={k}>{keyCapLabel(k)}</kbd>) : <span className="help-unset">no key set</span>}
              </dd>
            </div>
          ))}
        </dl>
        {close ? (
          <footer className="help-footer">
            Press <kbd>{close}</kbd> to close
          </footer>
        ) : null}
      </section>
    </div>
  );
}
