// A room as a CLUE participant (RFC 8845 §3: an endpoint is a Media Provider, a Media Consumer, or both):
// the provider advertises what advertisementFromRoom makes of the room, the consumer chooses with
// chooseCaptures for the room's screens within its bandwidth. The one place the two are put together.
import type { RoomConfig } from '../config';
import { chooseCaptures } from './consumer/choose';
import { screensFromRoom } from './consumer/screens';
import type { ParticipantOptions } from './fsm/participant';
import { advertisementFromRoom, type CaptureSource } from './provider/fromRoom';

export type RoomRoles = Required<Pick<ParticipantOptions, 'provider' | 'consumer' | 'clueId'>> & { sources: Record<string, CaptureSource> };

/** The provider and consumer options of a room, or why the room cannot advertise. */
export function roomRoles(room: RoomConfig): { ok: true; roles: RoomRoles } | { ok: false; problem: string } {
  const adv = advertisementFromRoom(room);
  if (!adv.ok) return adv;
  const screens = screensFromRoom(room);
  const maxBandwidth = room.encoding.maxBandwidthKbps * 1000;
  return {
    ok: true,
    roles: {
      clueId: room.room.name,
      provider: { advertisement: adv.info },
      consumer: { choose: (received) => chooseCaptures(received.idx, { screens, maxBandwidth }).captureEncodings },
      sources: adv.sources,
    },
  };
}
