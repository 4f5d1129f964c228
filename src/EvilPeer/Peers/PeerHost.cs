using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Events;
using ChaosFeatures.EvilPeer.Peers.Accept;

namespace ChaosFeatures.EvilPeer.Peers;

/// <summary>Starts in-process EvilPeers.</summary>
public static class PeerHost
{
    /// <summary>
    /// Bind (and, unless the accept fault refuses or never accepts, start accepting) a peer.
    /// Options were validated when they were built. Delays run on <paramref name="time"/>
    /// (default <see cref="TimeProvider.System"/>).
    /// </summary>
    public static Task<Peer> StartAsync(PeerOptions options, IPeerEventSink? sink = null, TimeProvider? time = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        var listener = new Socket(options.Listen.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            // Set on the listener so accepted sockets inherit it and advertise a small window from the SYN-ACK.
            if (options.ReceiveBufferSize > 0) listener.ReceiveBufferSize = options.ReceiveBufferSize;
            listener.Bind(options.Listen);
            // Refuse: keep the port bound (nobody else can take it) but never listen, so the kernel answers SYNs with RST.
            if (options.AcceptFault.Kind != AcceptFaultKind.Refuse) listener.Listen();
            var events = new PeerEvents(options.Name, sink);
            events.Listen(listener.LocalEndPoint!, options.Behaviour.Mode, options.AcceptFault.Kind.ToString());
            return Task.FromResult(new Peer(options, listener, events, time ?? TimeProvider.System));
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }
}
