# Makes a real VP8 bitstream (IVF) with PyAV/libvpx at test time. usage: gen_vp8.py OUT.ivf [frames]
import sys, av, numpy as np
out, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 60
c = av.open(out, "w", format="ivf")
s = c.add_stream("libvpx", rate=30)
s.width, s.height, s.pix_fmt = 320, 240, "yuv420p"
s.options = {"deadline": "realtime", "cpu-used": "8", "g": "30"}
for i in range(n):
    img = np.zeros((240, 320, 3), dtype=np.uint8)
    img[:, :, 0] = (i * 4) % 256
    img[:, (i * 5) % 320:, 1] = 200
    f = av.VideoFrame.from_ndarray(img, format="rgb24").reformat(format="yuv420p")
    f.pts = i
    for p in s.encode(f): c.mux(p)
for p in s.encode(): c.mux(p)
c.close()
