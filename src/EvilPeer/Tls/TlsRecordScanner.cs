namespace ChaosFeatures.EvilPeer.Tls;

/// <summary>
/// Follows TLS record boundaries (5-byte header: content type, version, 16-bit length) across any
/// split of the byte stream, so a fault can stop exactly after a given record. A mutable struct:
/// keep it in a field and call it in place.
/// </summary>
internal struct TlsRecordScanner
{
    public const byte Handshake = 22;
    public const byte ApplicationData = 23;
    public const byte ClientHello = 1;
    public const byte ServerHello = 2;
    public const int HeaderLength = 5;

    private int _headerFill;
    private byte _type;
    private int _lengthHigh;
    private int _bodyRemaining;
    private int _firstBodyByte;

    /// <summary>Between two records: the next byte starts a header.</summary>
    public readonly bool AtBoundary => _headerFill == 0;

    /// <summary>Content type of the record being scanned (or of the last one).</summary>
    public readonly byte ContentType => _type;

    /// <summary>
    /// Scans <paramref name="data"/>; returns the offset just after the first record that ends in it
    /// with content type <paramref name="type"/> and first body byte (the handshake message type)
    /// <paramref name="handshakeType"/>, or -1 when none ends in it (the state then covers all of it).
    /// </summary>
    public int FindEndOf(ReadOnlySpan<byte> data, byte type, byte handshakeType)
    {
        int i = 0;
        while (i < data.Length)
        {
            if (_headerFill < HeaderLength)
            {
                byte b = data[i++];
                switch (_headerFill)
                {
                    case 0: _type = b; break;
                    case 3: _lengthHigh = b; break;
                    case 4: _bodyRemaining = (_lengthHigh << 8) | b; _firstBodyByte = -1; break;
                }
                if (++_headerFill < HeaderLength || _bodyRemaining > 0) continue;
            }
            else
            {
                if (_firstBodyByte < 0) _firstBodyByte = data[i];
                int take = Math.Min(_bodyRemaining, data.Length - i);
                i += take;
                _bodyRemaining -= take;
                if (_bodyRemaining > 0) continue;
            }
            _headerFill = 0; // a record ended at i
            if (_type == type && _firstBodyByte == handshakeType) return i;
        }
        return -1;
    }

    /// <summary>Advances over <paramref name="data"/> without looking for anything.</summary>
    public void Skip(ReadOnlySpan<byte> data) => FindEndOf(data, 0, 0);
}
