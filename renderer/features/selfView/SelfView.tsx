// Self-view: the room's own camera in a corner of one screen, so people can check they are in
// frame. The camera is opened only while self-view is on and cameras are not off, and released
// at once otherwise. (Which camera: the configured one arrives with the capture work, issue 6.)
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { Icon } from '../../ui/icons';
import { useControlsStore } from '../controls/controlsStore';

type CameraState = 'starting' | 'live' | 'unavailable';

export function SelfView(): ReactElement | null {
  const selfView = useControlsStore((s) => s.selfView);
  const cameraOff = useControlsStore((s) => s.cameraOff);
  const video = useRef<HTMLVideoElement>(null);
  const [camera, setCamera] = useState<CameraState>('starting');
  const wanted = selfView && !cameraOff;

  useEffect(() => {
    if (!wanted) return;
    let stream: MediaStream | undefined;
    let cancelled = false;
    setCamera('starting');
    const media = navigator.mediaDevices;
    if (!media?.getUserMedia) {
      setCamera('unavailable');
      return;
    }
    media.getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false }).then(
      (s) => {
        if (cancelled) return s.getTracks().forEach((t) => t.stop());
        stream = s;
        if (video.current) video.current.srcObject = s;
        setCamera('live');
      },
      () => {
        if (!cancelled) setCamera('unavailable');
      },
    );
    return () => {
      cancelled = true;
      stream?.getTracks().forEach((t) => t.stop());
      if (video.current) video.current.srcObject = null;
    };
  }, [wanted]);

  if (!selfView) return null;
  return (
    <aside className="selfview" data-testid="self-view-tile" data-camera={cameraOff ? 'off' : camera}>
      {wanted ? <video ref={video} autoPlay muted playsInline className={camera === 'live' ? 'selfview-video' : 'selfview-video hidden'} /> : null}
      {cameraOff || camera !== 'live' ? (
        <div className="selfview-placeholder">
          <Icon name={cameraOff ? 'cameraOff' : 'camera'} />
          <span>{cameraOff ? 'Cameras off' : camera === 'starting' ? 'Starting camera…' : 'No camera available'}</span>
        </div>
      ) : null}
      <span className="selfview-label">Self-view</span>
    </aside>
  );
}
