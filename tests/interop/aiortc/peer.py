# aiortc far end for the Telescene transport interop test. Signalling is JSON lines on stdin/stdout
# (stderr is its log). usage: /usr/bin/python3 peer.py offer|answer [--run-s N] [--no-media]
#   offer : aiortc offers (a=setup:actpass, creates the CLUE data channel); Telescene answers (DTLS client)
#   answer: Telescene offers; aiortc answers (a=setup:active, DTLS client); Telescene is the DTLS server
# It decodes the VP8 that Telescene sends, echoes CLUE messages, and prints {"type":"result",...}.
import asyncio, json, sys, time
import aioice.ice
# aioice skips loopback when gathering host candidates: this test runs in a private netns on lo only.
aioice.ice.get_host_addresses = lambda use_ipv4, use_ipv6: ["127.0.0.1"]
from aiortc import RTCPeerConnection, RTCConfiguration, RTCSessionDescription
from aiortc.mediastreams import VideoStreamTrack

ROLE = sys.argv[1]
RUN_S = float(sys.argv[sys.argv.index("--run-s") + 1]) if "--run-s" in sys.argv else 4.0
NO_MEDIA = "--no-media" in sys.argv
T0 = time.monotonic()
def log(*a): print(f"[aiortc {int((time.monotonic()-T0)*1000):5d}ms]", *a, file=sys.stderr, flush=True)
def send(obj): sys.stdout.write(json.dumps(obj) + "\n"); sys.stdout.flush()

async def read_line():
    line = await asyncio.get_event_loop().run_in_executor(None, sys.stdin.readline)
    return json.loads(line)

async def main():
    pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
    stats = {"framesDecoded": 0, "frameSize": None, "dcMessages": [], "dcLabel": None, "dcProtocol": None, "dcLargest": 0}
    connected = asyncio.Event()

    @pc.on("connectionstatechange")
    def _():
        log("connectionState", pc.connectionState)
        if pc.connectionState == "connected": connected.set()

    def wire(ch):
        stats["dcLabel"], stats["dcProtocol"] = ch.label, ch.protocol
        @ch.on("message")
        def on_msg(m):
            stats["dcLargest"] = max(stats["dcLargest"], len(m))
            stats["dcMessages"].append(m if len(m) < 200 else f"<{len(m)} chars>")
            ch.send(f"<echo from='aiortc' len='{len(m)}'/>")

    @pc.on("datachannel")
    def on_dc(ch):
        log(f"datachannel label={ch.label!r} protocol={ch.protocol!r} id={ch.id}")
        wire(ch)

    async def consume(track):
        while True:
            try: f = await track.recv()
            except Exception as e: log("track ended", type(e).__name__); return
            stats["framesDecoded"] += 1
            stats["frameSize"] = f"{f.width}x{f.height}"

    @pc.on("track")
    def on_track(track):
        log("track", track.kind)
        if track.kind == "video": asyncio.ensure_future(consume(track))

    if ROLE == "offer":
        ch = pc.createDataChannel("CLUE", protocol="clue", ordered=True)
        @ch.on("open")
        def _(): ch.send("<clue hello from aiortc/>")
        wire(ch)
        t = pc.addTransceiver("video", direction="sendrecv")
        if not NO_MEDIA: t.sender.replaceTrack(VideoStreamTrack())
        await pc.setLocalDescription(await pc.createOffer())
        send({"type": "offer", "sdp": pc.localDescription.sdp})
        answer = await read_line()
        await pc.setRemoteDescription(RTCSessionDescription(answer["sdp"], "answer"))
    else:
        offer = await read_line()
        await pc.setRemoteDescription(RTCSessionDescription(offer["sdp"], "offer"))
        for t in pc.getTransceivers():
            if t.kind == "video" and not NO_MEDIA: pc.addTrack(VideoStreamTrack())
        await pc.setLocalDescription(await pc.createAnswer())
        send({"type": "answer", "sdp": pc.localDescription.sdp})

    try: await asyncio.wait_for(connected.wait(), 15)
    except asyncio.TimeoutError: log("never connected")
    dtls = pc.getTransceivers()[0].receiver.transport if pc.getTransceivers() else pc.sctp.transport
    ssl = dtls.ssl
    from OpenSSL._util import lib as _lib, ffi as _ffi
    prof = _lib.SSL_get_selected_srtp_profile(ssl._ssl)
    stats.update({"dtlsRole": dtls._role, "tls": ssl.get_protocol_version_name(), "cipher": ssl.get_cipher_name(),
                  "srtpProfile": _ffi.string(prof.name).decode() if prof != _ffi.NULL else None})
    send({"type": "connected"})
    await asyncio.sleep(RUN_S)
    send({"type": "result", **stats})
    await pc.close()

asyncio.run(main())
