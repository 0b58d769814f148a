export { classifyDatagram, type PacketClass } from './classify';
export { UdpDemux, MAX_DATAGRAM, type DemuxHandlers, type DatagramHandler, type RemoteAddress } from './udpDemux';
