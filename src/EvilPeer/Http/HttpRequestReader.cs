using System.Buffers;
using System.Globalization;
using System.Text;
using ChaosFeatures.EvilPeer.Peers;

namespace ChaosFeatures.EvilPeer.Http;

/// <summary>
/// Parses HTTP/1.1 requests from one connection: request line, headers, then the body by
/// Content-Length or chunked coding. Bytes past one request stay buffered for the next
/// (pipelining). Leading blank lines are skipped (RFC 9112 §2.2); anything else malformed, an
/// over-long head, or a close mid-request is an <see cref="HttpParseException"/>.
/// </summary>
internal sealed class HttpRequestReader(PeerConnection connection) : IDisposable
{
    public const int MaxHeadBytes = 64 * 1024;
    private const int MaxLineBytes = 4096;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
    private int _start, _end;

    /// <returns>The head, or null when the client closed cleanly between requests.</returns>
    public async ValueTask<HttpRequestHead?> ReadHeadAsync()
    {
        while (true)
        {
            SkipLeadingBlankLines();
            int headEnd = FindHeadEnd(_buffer.AsSpan(_start, _end - _start));
            if (headEnd >= 0)
            {
                HttpRequestHead head = ParseHead(_buffer.AsSpan(_start, headEnd));
                _start += headEnd;
                return head;
            }
            if (_end - _start >= MaxHeadBytes) throw new HttpParseException($"request head is larger than {MaxHeadBytes} bytes");
            if (!await FillAsync())
            {
                if (_end == _start) return null;
                throw new HttpParseException("the client closed mid-request head");
            }
        }
    }

    /// <summary>Reads the body the head announces; keeps its first <paramref name="maxRecorded"/> bytes.</summary>
    public async ValueTask<(byte[] Recorded, long Length)> ReadBodyAsync(HttpRequestHead head, int maxRecorded)
    {
        var recorded = new MemoryStream();
        long length = 0;
        void Keep(ReadOnlySpan<byte> bytes)
        {
            length += bytes.Length;
            int room = (int)Math.Max(0, maxRecorded - recorded.Length);
            if (room > 0) recorded.Write(bytes[..Math.Min(room, bytes.Length)]);
        }

        if (head.Chunked)
        {
            while (true)
            {
                string sizeLine = await ReadLineAsync();
                string hex = sizeLine.Split(';', 2)[0].Trim();
                if (!long.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long size) || size < 0)
                    throw new HttpParseException($"chunk size \"{sizeLine}\" is not hexadecimal");
                if (size == 0) break;
                await ReadExactlyAsync(size, Keep);
                if (await ReadLineAsync() != "") throw new HttpParseException("chunk data is not followed by CRLF");
            }
            while (await ReadLineAsync() != "") { } // trailer fields, ignored
        }
        else if (head.Header("Content-Length") is { } declared)
        {
            if (!long.TryParse(declared, NumberStyles.None, CultureInfo.InvariantCulture, out long size))
                throw new HttpParseException($"Content-Length \"{declared}\" is not a non-negative integer");
            await ReadExactlyAsync(size, Keep);
        }
        return (recorded.ToArray(), length);
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void SkipLeadingBlankLines()
    {
        while (_start < _end && _buffer[_start] is (byte)'\r' or (byte)'\n') _start++;
    }

    /// <summary>Offset just past the blank line that ends the head, or -1. Bare LF line ends are accepted.</summary>
    private static int FindHeadEnd(ReadOnlySpan<byte> data)
    {
        int pos = 0;
        while (true)
        {
            int lf = data[pos..].IndexOf((byte)'\n');
            if (lf < 0) return -1;
            int lineEnd = pos + lf;
            int length = lineEnd - pos;
            if (length > 0 && data[lineEnd - 1] == '\r') length--;
            if (length == 0 && pos > 0) return lineEnd + 1;
            pos = lineEnd + 1;
        }
    }

    private static HttpRequestHead ParseHead(ReadOnlySpan<byte> head)
    {
        string[] lines = Encoding.Latin1.GetString(head).Split('\n');
        string requestLine = lines[0].TrimEnd('\r');
        string[] parts = requestLine.Split(' ');
        if (parts.Length != 3 || parts[0].Length == 0 || !parts[0].All(char.IsAsciiLetterUpper) || parts[1].Length == 0
            || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
            throw new HttpParseException($"request line \"{requestLine}\" is not METHOD SP target SP HTTP/1.x");
        var headers = new List<KeyValuePair<string, string>>();
        foreach (string raw in lines.Skip(1))
        {
            string line = raw.TrimEnd('\r');
            if (line.Length == 0) continue;
            int colon = line.IndexOf(':');
            if (colon <= 0 || char.IsWhiteSpace(line[0]) || char.IsWhiteSpace(line[colon - 1]))
                throw new HttpParseException($"header line \"{line}\" is not name: value");
            headers.Add(new(line[..colon], line[(colon + 1)..].Trim(' ', '\t')));
        }
        var parsed = new HttpRequestHead(parts[0], parts[1], parts[2], headers);
        string[] lengths = [.. headers.Where(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).Distinct()];
        if (lengths.Length > 1 && !parsed.Chunked) throw new HttpParseException($"conflicting Content-Length values {string.Join(", ", lengths)}");
        return parsed;
    }

    private async ValueTask<string> ReadLineAsync()
    {
        while (true)
        {
            int lf = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (lf >= 0)
            {
                int length = lf > 0 && _buffer[_start + lf - 1] == '\r' ? lf - 1 : lf;
                string line = Encoding.Latin1.GetString(_buffer, _start, length);
                _start += lf + 1;
                return line;
            }
            if (_end - _start >= MaxLineBytes) throw new HttpParseException($"a chunk line is longer than {MaxLineBytes} bytes");
            if (!await FillAsync()) throw new HttpParseException("the client closed mid-body");
        }
    }

    private async ValueTask ReadExactlyAsync(long count, ReadSink sink)
    {
        while (count > 0)
        {
            if (_start == _end && !await FillAsync()) throw new HttpParseException($"the client closed with {count} body bytes missing");
            int take = (int)Math.Min(count, _end - _start);
            sink(_buffer.AsSpan(_start, take));
            _start += take;
            count -= take;
        }
    }

    /// <summary>Reads more bytes after the buffered ones, compacting or growing the buffer first. False on EOF.</summary>
    private async ValueTask<bool> FillAsync()
    {
        if (_start == _end) _start = _end = 0;
        if (_end == _buffer.Length)
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                (_start, _end) = (0, _end - _start);
            }
            else
            {
                byte[] bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
                Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = bigger;
            }
        }
        int n = await connection.ReceiveAsync(_buffer.AsMemory(_end));
        _end += n;
        return n > 0;
    }

    private delegate void ReadSink(ReadOnlySpan<byte> bytes);
}
