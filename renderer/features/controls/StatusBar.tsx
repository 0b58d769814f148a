// The room's controls along the bottom of every screen: microphones, cameras, self-view, layout and
// loudspeaker volume. Colour is never the only signal: each state is also a word.
import type { ReactElement } from 'react';
import { Icon } from '../../ui/icons';
import { useControlsStore } from './controlsStore';

const LAYOUT_NAMES: Readonly<Record<string, string>> = { spatial: 'Spatial', speaker: 'Active speaker', grid: 'Grid' };

export function StatusBar(): ReactElement {
  const { muted, cameraOff, selfView, layout, volume } = useControlsStore();
  return (
    <footer className="status" data-testid="status-bar">
      <div className={`pill ${muted ? 'pill-alert' : ''}`} data-testid="mic" data-on={!muted}>
        <Icon name={muted ? 'micOff' : 'mic'} />
        <span>{muted ? 'Microphones muted' : 'Microphones on'}</span>
      </div>
      <div className={`pill ${cameraOff ? 'pill-alert' : ''}`} data-testid="camera" data-on={!cameraOff}>
        <Icon name={cameraOff ? 'cameraOff' : 'camera'} />
        <span>{cameraOff ? 'Cameras off' : 'Cameras on'}</span>
      </div>
      <div className={`pill ${selfView ? 'pill-on' : 'pill-dim'}`} data-testid="self-view" data-on={selfView}>
        <Icon name="selfView" />
        <span>{selfView ? 'Self-view on' : 'Self-view off'}</span>
      </div>
      <div className="pill" data-testid="layout" data-layout={layout}>
        <Icon name="layout" />
        <span>{LAYOUT_NAMES[layout] ?? layout}</span>
      </div>
      <div className="pill pill-volume" data-testid="volume" data-volume={volume}>
        <Icon name="speaker" />
        <span className="volume-track" aria-hidden="true">
          <span className="volume-fill" style={{ width: `${volume}%` }} />
        </span>
        <span className="volume-value">{volume}</span>
      </div>
    </footer>
  );
}
