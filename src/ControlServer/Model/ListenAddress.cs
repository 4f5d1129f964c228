using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ChaosFeatures.Control.Model;

/// <summary>
/// Go's <c>net.ResolveTCPAddr("tcp", listen)</c>, which Toxiproxy uses to bind a proxy and to decide
/// whether an update moves it: the address as Go prints it (<c>localhost:3310</c> is
/// <c>127.0.0.1:3310</c>, <c>:0</c> stays <c>:0</c>) and where to bind (an empty host, <c>0.0.0.0</c>
/// and <c>::</c> are Go's dual-stack wildcard, shown as <c>[::]</c> once bound).
/// </summary>
internal sealed record ListenAddress(string GoText, IPEndPoint Bind)
{
    /// <exception cref="FormatException">Go's message, e.g. <c>address bad: missing port in address</c>.</exception>
    public static ListenAddress Resolve(string text)
    {
        (string host, string portText) = SplitHostPort(text);
        if (!int.TryParse(portText.Length == 0 ? "0" : portText, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port > 65535)
            throw new FormatException(portText.All(char.IsAsciiDigit) ? $"address {portText}: invalid port" : $"lookup tcp/{portText}: unknown port");
        if (host.Length == 0) return new ListenAddress($":{port}", new IPEndPoint(IPAddress.IPv6Any, port));
        int zone = host.IndexOf('%');
        IPAddress? ip = IPAddress.TryParse(zone < 0 ? host : host[..zone], out IPAddress? literal) ? literal : Lookup(host);
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        var printed = new IPEndPoint(ip, port);
        bool wildcard = ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any);
        return new ListenAddress(printed.ToString(), wildcard ? new IPEndPoint(IPAddress.IPv6Any, port) : printed);
    }

    /// <summary>Go's <c>net.SplitHostPort</c>, with its messages.</summary>
    private static (string Host, string Port) SplitHostPort(string text)
    {
        int colon = text.LastIndexOf(':');
        if (colon < 0) throw new FormatException($"address {text}: missing port in address");
        if (text.StartsWith('['))
        {
            int close = text.IndexOf(']');
            if (close < 0) throw new FormatException($"address {text}: missing ']' in address");
            if (close + 1 != colon) throw new FormatException($"address {text}: {(close + 1 == text.Length ? "missing port in address" : "too many colons in address")}");
            return (text[1..close], text[(colon + 1)..]);
        }
        string host = text[..colon];
        if (host.Contains(':')) throw new FormatException($"address {text}: too many colons in address");
        if (host.Contains('[') || host.Contains(']')) throw new FormatException($"address {text}: unexpected '[' in address");
        return (host, text[(colon + 1)..]);
    }

    /// <summary>A host name: the first IPv4 address, as Go's listen prefers; bounded, because no DNS may be reachable.</summary>
    private static IPAddress Lookup(string host)
    {
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return IPAddress.Loopback;
        try
        {
            Task<IPAddress[]> lookup = Dns.GetHostAddressesAsync(host);
            if (!lookup.Wait(TimeSpan.FromSeconds(2))) throw new FormatException($"lookup {host}: i/o timeout");
            IPAddress[] found = lookup.Result;
            return found.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? found.FirstOrDefault()
                ?? throw new FormatException($"lookup {host}: no such host");
        }
        catch (AggregateException e) when (e.InnerException is SocketException)
        {
            throw new FormatException($"lookup {host}: no such host");
        }
    }
}
