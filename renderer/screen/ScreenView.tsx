// One room screen: its identity and the clock on top, problems under them, the stage (call, later
// the far end) in the middle, the room's controls at the bottom, and the key-help overlay above all.
import { useEffect, type ReactElement } from 'react';
import { ConnectionBanner } from '../features/connection/ConnectionBanner';
import { KeyHelpOverlay } from '../features/help/KeyHelpOverlay';
import { StatusBar } from '../features/controls/StatusBar';
import { Clock } from '../features/room/Clock';
import { ConfigProblems } from '../features/room/ConfigProblems';
import { ScreenIdentity } from '../features/room/ScreenIdentity';
import { useRoomStore } from '../features/room/roomStore';
import { SelfView } from '../features/selfView/SelfView';
import { Stage } from '../features/stage/Stage';

export function ScreenView({ screenId }: { screenId: string }): ReactElement {
  const loaded = useRoomStore((s) => s.loaded);
  const name = useRoomStore((s) => s.name);
  const screens = useRoomStore((s) => s.screens);
  const screen = screens.find((s) => s.id === screenId);
  // Self-view goes on the first people screen, so it appears once in the room.
  const selfViewHere = (screens.find((s) => s.role === 'people') ?? screens[0])?.id === screenId;

  useEffect(() => {
    if (loaded) document.title = `${name} · ${screen?.label ?? screenId}`;
  }, [loaded, name, screen?.label, screenId]);

  if (!loaded) {
    return (
      <div className="screen screen-loading" data-testid="screen" data-screen={screenId}>
        <ConnectionBanner />
        <div className="loading">Connecting to the room…</div>
      </div>
    );
  }
  return (
    <div className="screen" data-testid="screen" data-screen={screenId}>
      <header className="top">
        <ScreenIdentity screenId={screenId} />
        <Clock />
      </header>
      <ConnectionBanner />
      <ConfigProblems />
      <Stage />
      {selfViewHere ? <SelfView /> : null}
      <StatusBar />
      <KeyHelpOverlay />
    </div>
  );
}
