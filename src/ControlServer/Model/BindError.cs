using System.Net.Sockets;

namespace ChaosFeatures.Control.Model;

/// <summary>A failed bind, worded as Go's <c>net.Listen</c> words it (Toxiproxy returns that text with a 500).</summary>
internal static class BindError
{
    public static string Describe(string goAddress, SocketException e) =>
        $"listen tcp {goAddress}: bind: {e.SocketErrorCode switch
        {
            SocketError.AddressAlreadyInUse => "address already in use",
            SocketError.AddressNotAvailable => "cannot assign requested address",
            SocketError.AccessDenied => "permission denied",
            _ => e.Message.ToLowerInvariant(),
        }}";
}
