using System.Net.Sockets;
using System.Security.Authentication;
using ChaosFeatures.EvilPeer.Tls;
using ChaosFeatures.EvilPeer.Toxics;

namespace ChaosFeatures.EvilPeer.Proxy.Ends;

/// <summary>
/// The client's side when the listener terminates TLS: plaintext in and out of the SslStream, so the
/// toxics see application bytes. Socket errors come out as the <see cref="SocketException"/> the pump
/// already handles (SslStream wraps them in an IOException); a write cut by a record-level fault comes
/// out as <see cref="TlsFaultFiredException"/>, after which the connection ends as the fault's stop says.
/// </summary>
internal sealed class TlsEnd(Socket socket, TlsServerConnection tls, TlsOptions options, TlsEvents events) : ProxyEnd(socket)
{
    /// <summary>
    /// Our side of the handshake ends before the client judges the certificate, and a .NET client that
    /// rejects it just closes (no alert reaches us). So with a deliberately bad certificate, a client
    /// that leaves before sending a single byte is counted as rejecting it, once.
    /// </summary>
    private readonly bool _expectsRejection = options is { Certificate: not TlsCertificateKind.Trusted, ServerCertificate: null };
    private volatile bool _clientSpoke;
    private int _rejectionNoted; // both directions may see the end: note it once

    public override async ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            int read = await tls.Stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read > 0) _clientSpoke = true;
            else if (!buffer.IsEmpty) NoteRejection("closed");
            return read;
        }
        catch (IOException e) when (e.InnerException is SocketException socketError)
        {
            NoteRejection(socketError.SocketErrorCode.ToString());
            throw socketError;
        }
        catch (Exception e) when (e is IOException or AuthenticationException && !cancellationToken.IsCancellationRequested)
        {
            // The client broke TLS off with an alert or a bad record: its stream has ended.
            if (Interlocked.Exchange(ref _rejectionNoted, 1) == 0)
                events.Failed(e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message);
            return 0;
        }
    }

    public override async ValueTask<int> SendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        try
        {
            await tls.Stream.WriteAsync(data, cancellationToken).ConfigureAwait(false);
            return data.Length;
        }
        catch (Exception) when (tls.CutByFault)
        {
            throw new TlsFaultFiredException(options.Fault);
        }
        catch (IOException e) when (e.InnerException is SocketException socketError)
        {
            NoteRejection(socketError.SocketErrorCode.ToString());
            throw socketError;
        }
    }

    public override ValueTask BeforeFinAsync() => new(tls.ShutdownAsync());

    private void NoteRejection(string how)
    {
        if (!_expectsRejection || _clientSpoke || Interlocked.Exchange(ref _rejectionNoted, 1) == 1) return;
        events.Failed($"client rejected the {options.Certificate} certificate: it left ({how}) without sending a byte");
    }

    public override void Close(CloseMode mode)
    {
        base.Close(mode);
        tls.Dispose();
    }
}
