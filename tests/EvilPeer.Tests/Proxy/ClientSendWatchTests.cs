using System.Net.Sockets;
using System.Text;
using ChaosFeatures.EvilPeer.Proxy;
using ChaosFeatures.EvilPeer.Tests.Proxy.Support;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.EvilPeer.Tests.Proxy;

public sealed class ClientSendWatchTests
{
    [Fact]
    public async Task Completes_when_a_client_sends_the_text_even_split_over_two_reads()
    {
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Echo());
        using Socket client = await harness.ConnectedEchoAsync();
        Task sent = harness.Proxy.WhenClientSends("SET key"u8);

        await EchoAsync(client, "*3 SE");
        sent.IsCompleted.Should().BeFalse("half the text has passed the proxy (its echo came back)");
        await EchoAsync(client, "T key 1");

        await sent.WaitAsync(LoopbackClient.Bound);
    }

    [Fact]
    public async Task Counts_only_what_the_proxy_reads_after_the_watch_is_made()
    {
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Echo());
        using Socket client = await harness.ConnectedEchoAsync();
        await EchoAsync(client, "SE");
        Task sent = harness.Proxy.WhenClientSends("SET"u8);

        await EchoAsync(client, "T");
        sent.IsCompleted.Should().BeFalse("the proxy read \"SE\" before the watch was made");

        await EchoAsync(client, "SET");
        await sent.WaitAsync(LoopbackClient.Bound);
    }

    [Fact]
    public async Task What_the_server_sends_does_not_count()
    {
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Serving("SET SET SET"u8.ToArray()));
        Task sent = harness.Proxy.WhenClientSends("SET"u8);
        using Socket client = await harness.ConnectAsync();

        (await LoopbackClient.ReadToEndAsync(client)).Bytes.Should().Equal("SET SET SET"u8.ToArray());

        sent.IsCompleted.Should().BeFalse();
    }

    [Fact]
    public async Task Matches_each_connection_on_its_own()
    {
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Echo());
        using Socket first = await harness.ConnectedEchoAsync();
        using Socket second = await harness.ConnectedEchoAsync();
        Task sent = harness.Proxy.WhenClientSends("PING"u8);

        await EchoAsync(first, "PI");
        await EchoAsync(second, "NG");
        sent.IsCompleted.Should().BeFalse("no single connection sent PING");

        await EchoAsync(second, "PPING");
        await sent.WaitAsync(LoopbackClient.Bound);
    }

    [Fact]
    public async Task A_cancelled_watch_ends_cancelled()
    {
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Echo());
        using var cancel = new CancellationTokenSource();
        Task sent = harness.Proxy.WhenClientSends("SET"u8, cancel.Token);

        await cancel.CancelAsync();

        await FluentActions.Awaiting(() => sent.WaitAsync(LoopbackClient.Bound)).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task Refuses_an_empty_text()
    {
        await using var proxy = new ToxicProxy(new ToxicProxyOptions { Upstream = "127.0.0.1:1" });
        FluentActions.Invoking(() => { _ = proxy.WhenClientSends([]); }).Should().Throw<ArgumentException>().WithMessage("*empty*");
    }

    [Theory]
    [InlineData("aab", "aaab", true)] // a mismatch after a partial match falls back, not to the start
    [InlineData("abab", "abaabab", true)]
    [InlineData("abc", "abxabxab", false)]
    [InlineData("aa", "a", false)]
    public void Finds_the_text_wherever_it_starts(string text, string stream, bool found)
    {
        var watch = new ClientSendWatch(Encoding.ASCII.GetBytes(text));
        foreach (byte b in Encoding.ASCII.GetBytes(stream)) watch.Observe(1, [b]);
        watch.Done.Should().Be(found);
    }

    /// <summary>Sends and reads the echo back, so the proxy has surely read (and passed on) what was sent.</summary>
    private static async Task EchoAsync(Socket client, string text)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(text);
        await LoopbackClient.SendAsync(client, bytes);
        (await LoopbackClient.ReadExactlyAsync(client, bytes.Length)).Should().Equal(bytes);
    }
}
