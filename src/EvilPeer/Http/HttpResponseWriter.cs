using System.Buffers;
using System.Globalization;
using System.Text;
using ChaosFeatures.EvilPeer.Events;
using ChaosFeatures.EvilPeer.Peers;
using ChaosFeatures.EvilPeer.Waiting;

namespace ChaosFeatures.EvilPeer.Http;

/// <summary>
/// Writes one <see cref="HttpResponsePlan"/>, lies included: the head (with its delays), then the
/// body in its framing, paced on the connection's clock, cut where the plan says. This is the one
/// place that frames responses by hand, because it must be able to frame them wrongly.
/// </summary>
internal sealed class HttpResponseWriter
{
    private const int EndlessPieceSize = 16 * 1024;
    private static readonly byte[] Crlf = "\r\n"u8.ToArray();
    private static readonly byte[] LastChunk = "0\r\n\r\n"u8.ToArray();
    private static readonly byte[] BadChunkSize = "zz\r\n"u8.ToArray();

    private readonly PeerConnection _connection;
    private readonly HttpResponsePlan _plan;
    private readonly Action<string, KeyValuePair<string, object?>[]>? _emit;
    private readonly bool _closes;
    private long _bodySent;
    private long _paceStart;

    private HttpResponseWriter(PeerConnection connection, HttpResponsePlan plan, bool closes)
    {
        _closes = closes;
        _connection = connection;
        _plan = plan;
        _emit = connection.Events.For(connection.Id);
    }

    /// <param name="closes">The connection closes after this response (the plan's or the client's wish): say Connection: close.</param>
    /// <returns>True when the response was cut and the connection already ended as the plan says.</returns>
    public static async Task<bool> WriteAsync(PeerConnection connection, HttpResponsePlan plan, long number, bool headRequest, bool closes)
    {
        var writer = new HttpResponseWriter(connection, plan, closes || plan.ClosesConnection);
        writer._emit?.Invoke(PeerEventNames.HttpResponse, [new("number", number), new("status", (long)plan.Status),
            new("framing", plan.Framing.ToString()), new("declared", plan.Framing == HttpFraming.ContentLength ? plan.DeclaredLength : null)]);
        await writer.WriteHeadAsync();
        if (headRequest) return false;
        await connection.DelayAsync(plan.DelayBeforeBodyMs, "http_body");
        bool whole = plan.Framing == HttpFraming.Chunked ? await writer.WriteChunkedAsync() : await writer.WriteRawBodyAsync();
        if (whole) return false;
        await writer.CutAsync();
        return true;
    }

    /// <summary>The answer to a request the peer could not parse: 400, then the connection closes.</summary>
    public static Task WriteBadRequestAsync(PeerConnection connection, string reason) =>
        WriteAsync(connection, new HttpResponsePlan(400, Encoding.ASCII.GetBytes(reason + "\n"), connectionClose: true), 0, headRequest: false, closes: true);

    private async Task WriteHeadAsync()
    {
        await _connection.DelayAsync(_plan.DelayBeforeStatusMs, "http_status");
        List<string> lines = HeadLines();
        if (_plan.DelayBetweenHeadersMs == 0)
        {
            await SendAsciiAsync(string.Concat(lines.Select(l => l + "\r\n")) + "\r\n");
            return;
        }
        await SendAsciiAsync(lines[0] + "\r\n");
        foreach (string header in lines.Skip(1))
        {
            await _connection.DelayAsync(_plan.DelayBetweenHeadersMs, "http_header");
            await SendAsciiAsync(header + "\r\n");
        }
        await _connection.DelayAsync(_plan.DelayBetweenHeadersMs, "http_header");
        await _connection.SendAsync(Crlf);
    }

    private List<string> HeadLines()
    {
        var lines = new List<string> { $"HTTP/1.1 {_plan.Status.ToString(CultureInfo.InvariantCulture)} {_plan.ReasonPhrase}", "Server: evilpeer" };
        lines.AddRange(_plan.Headers.Select(h => $"{h.Key}: {h.Value}"));
        if (_plan.Framing == HttpFraming.ContentLength) lines.Add($"Content-Length: {_plan.DeclaredLength.ToString(CultureInfo.InvariantCulture)}");
        if (_plan.Framing == HttpFraming.Chunked) lines.Add("Transfer-Encoding: chunked");
        if (_closes) lines.Add("Connection: close");
        return lines;
    }

    /// <returns>True when the whole body went out (no cut).</returns>
    private async Task<bool> WriteRawBodyAsync()
    {
        if (!_plan.Endless) return await SendBodyAsync(_plan.Body);
        byte[] piece = EndlessPiece();
        try
        {
            while (await SendBodyAsync(piece)) { }
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(piece);
        }
    }

    private async Task<bool> WriteChunkedAsync()
    {
        ReadOnlyMemory<byte> body = _plan.Body;
        int size = _plan.ChunkSize == 0 ? Math.Max(1, body.Length) : _plan.ChunkSize;
        if (_plan.Endless)
        {
            byte[] piece = EndlessPiece();
            try
            {
                while (true)
                {
                    await SendAsciiAsync($"{piece.Length:x}\r\n");
                    if (!await SendBodyAsync(piece)) return false;
                    await _connection.SendAsync(Crlf);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(piece);
            }
        }
        int chunks = 0;
        for (int offset = 0; offset < body.Length; offset += size)
        {
            ReadOnlyMemory<byte> chunk = body.Slice(offset, Math.Min(size, body.Length - offset));
            bool last = offset + chunk.Length >= body.Length;
            if (_plan.ChunkFault == HttpChunkFault.BadChunkSize && chunks == 1)
            {
                await _connection.SendAsync(BadChunkSize);
                return false;
            }
            await SendAsciiAsync($"{chunk.Length:x}\r\n");
            if (last && _plan.ChunkFault == HttpChunkFault.CutMidChunk)
            {
                await SendBodyAsync(chunk[..(chunk.Length / 2)]);
                return false;
            }
            if (!await SendBodyAsync(chunk)) return false;
            await _connection.SendAsync(Crlf);
            chunks++;
        }
        if (_plan.ChunkFault == HttpChunkFault.BadChunkSize)
        {
            await _connection.SendAsync(BadChunkSize); // in place of the last-chunk line
            return false;
        }
        await _connection.SendAsync(LastChunk);
        return true;
    }

    /// <summary>Sends body bytes, paced and counted; false once the cut point is reached (the bytes before it are sent).</summary>
    private async Task<bool> SendBodyAsync(ReadOnlyMemory<byte> data)
    {
        long cutAt = _plan.CutAfterBodyBytes;
        bool reachesCut = cutAt >= 0 && _bodySent + data.Length >= cutAt;
        if (reachesCut) data = data[..(int)(cutAt - _bodySent)];
        int piece = _plan.BodyBytesPerSecond == 0 ? Math.Max(1, data.Length) : Math.Max(1, _plan.BodyBytesPerSecond / 20);
        if (_plan.BodyBytesPerSecond > 0 && _paceStart == 0) _paceStart = _connection.Time.GetTimestamp();
        while (!data.IsEmpty)
        {
            ReadOnlyMemory<byte> next = data[..Math.Min(piece, data.Length)];
            await _connection.SendAsync(next);
            _bodySent += next.Length;
            data = data[next.Length..];
            if (_plan.BodyBytesPerSecond > 0) await PaceAsync(piece);
        }
        return !reachesCut;
    }

    /// <summary>
    /// Waits until the bytes sent so far are due at the plan's rate, on the connection's clock. A late wake-up
    /// (timer jitter) is made up, but by at most one piece: after a stall (a loaded machine, a GC) the body goes
    /// on at the rate instead of arriving at once, so a body paced to take 500 ms still takes about that long
    /// after the stall, and a scenario that cancels mid-body still finds it mid-body.
    /// </summary>
    private async Task PaceAsync(int piece)
    {
        TimeSpan due = TimeSpan.FromSeconds((double)_bodySent / _plan.BodyBytesPerSecond);
        TimeSpan wait = Pacing.WaitFor(due, ref _paceStart, TimeSpan.FromSeconds((double)piece / _plan.BodyBytesPerSecond), _connection.Time);
        if (wait > TimeSpan.Zero) await Task.Delay(wait, _connection.Time, _connection.Stopping);
    }

    private async Task CutAsync()
    {
        _emit?.Invoke(PeerEventNames.HttpCut, [new("body_bytes", _bodySent), new("mode", _plan.CutMode.ToString())]);
        switch (_plan.CutMode)
        {
            case HttpCutMode.Reset:
                _connection.Reset();
                break;
            case HttpCutMode.Hold:
                await _connection.HoldAsync(Timeout.Infinite);
                break;
            default:
                await _connection.SendFinAsync();
                await _connection.DrainAsync();
                break;
        }
    }

    private byte[] EndlessPiece()
    {
        byte[] piece = ArrayPool<byte>.Shared.Rent(EndlessPieceSize);
        ReadOnlySpan<byte> pattern = _plan.Body.IsEmpty ? "x"u8 : _plan.Body.Span;
        for (int i = 0; i < piece.Length; i += pattern.Length)
            pattern[..Math.Min(pattern.Length, piece.Length - i)].CopyTo(piece.AsSpan(i));
        return piece;
    }

    private ValueTask SendAsciiAsync(string text) => _connection.SendAsync(Encoding.ASCII.GetBytes(text));
}
