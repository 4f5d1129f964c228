using System.Net;
using System.Net.Sockets;
using System.Text;
using ChaosFeatures.Harness.EventLog;

namespace ChaosFeatures.Harness.Clients;

/// <summary>
/// One request line out and one reply line back on a fresh connection: enough to talk to a real
/// server's text protocol (a Redis inline command, memcached, SMTP) through a toxic proxy. The
/// outcome is <see cref="Outcome.Completed"/> once a whole line (ending in LF) arrived, <see cref="Outcome.Eof"/>
/// when the connection closed before that, and reset, timeout or cancelled as for any transfer.
/// A plain socket, whatever the task's driver: the drivers speak download and upload.
/// </summary>
public static class LineExchange
{
    private const int ReadSize = 4096;

    /// <param name="request">One line with its line ending, as <see cref="Request"/> makes it.</param>
    /// <param name="timeout">For the whole exchange, connect included.</param>
    public static async Task<TransferResult> RunAsync(EndPoint endPoint, ReadOnlyMemory<byte> request, string actor, IChaosEventSink? events,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var run = new TransferRun("line", actor, events, timeout, cancellationToken);
        var received = new MemoryStream();
        using var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endPoint, run.Token);
            run.Connected(endPoint, socket.LocalEndPoint);
            while (!request.IsEmpty)
            {
                int sent = await socket.SendAsync(request, SocketFlags.None, run.Token);
                run.Wrote(sent);
                request = request[sent..];
            }
            var buffer = new byte[ReadSize];
            while (true)
            {
                int read = await socket.ReceiveAsync(buffer, SocketFlags.None, run.Token);
                if (read == 0) return run.Finish(Outcome.Eof, received.ToArray(), null);
                run.Read(read);
                received.Write(buffer, 0, read);
                if (buffer.AsSpan(0, read).Contains((byte)'\n')) return run.Finish(Outcome.Completed, received.ToArray(), null);
            }
        }
        catch (Exception error)
        {
            return run.Finish(run.Classify(error), received.ToArray(), error);
        }
    }

    /// <summary>The bytes that send <paramref name="line"/>: UTF-8 with CRLF appended.</summary>
    public static byte[] Request(string line) => Encoding.UTF8.GetBytes(line + "\r\n");

    /// <summary>The first line of what arrived, without its line ending; null when no whole line arrived.</summary>
    public static string? ReplyLine(ReadOnlySpan<byte> received)
    {
        int end = received.IndexOf((byte)'\n');
        return end < 0 ? null : Encoding.UTF8.GetString(received[..end]).TrimEnd('\r');
    }
}
