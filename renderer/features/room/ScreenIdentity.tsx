// Which screen this window is: the room's name, this screen's label and its place among the
// room's screens, so an installer can tell at a glance that the left display shows "Left screen".
import type { ReactElement } from 'react';
import { useRoomStore } from './roomStore';

export function ScreenIdentity({ screenId }: { screenId: string }): ReactElement {
  const name = useRoomStore((s) => s.name);
  const screens = useRoomStore((s) => s.screens);
  const index = screens.findIndex((s) => s.id === screenId);
  const screen = screens[index];
  return (
    <div className="identity">
      <div className="identity-room" data-testid="room-name">
        {name}
      </div>
      <div className="identity-screen" data-testid="screen-label">
        {screen ? (
          <>
            <span className="identity-label">{screen.label}</span>
            <span className="identity-meta">
              {screens.length > 1 ? `Screen ${index + 1} of ${screens.length}` : 'Single screen'}
              {screen.role === 'content' ? ' · content' : ''}
            </span>
          </>
        ) : (
          <span className="identity-unknown">Screen “{screenId}” is not in the room configuration</span>
        )}
      </div>
    </div>
  );
}
