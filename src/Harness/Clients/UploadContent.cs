using System.Net;

namespace ChaosFeatures.Harness.Clients;

/// <summary>A request body written in fixed-size pieces, each counted as a write of the transfer.</summary>
internal sealed class UploadContent(ReadOnlyMemory<byte> body, int writeSize, Action<int> wrote) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        for (int offset = 0; offset < body.Length; offset += writeSize)
        {
            ReadOnlyMemory<byte> piece = body.Slice(offset, Math.Min(writeSize, body.Length - offset));
            await stream.WriteAsync(piece, cancellationToken);
            wrote(piece.Length);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = body.Length;
        return true;
    }
}
