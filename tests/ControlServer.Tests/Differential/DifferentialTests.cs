using System.Text.RegularExpressions;
using ChaosFeatures.Control.Tests.Support;

namespace ChaosFeatures.Control.Tests.Differential;

/// <summary>
/// The real Toxiproxy is the oracle: the same request sequence goes to it and to our server, and
/// status, Content-Type, the request-id header and the body must agree. Only bound ports and the
/// wording of JSON syntax errors (Go's scanner text) are normalised.
/// </summary>
public sealed partial class DifferentialTests
{
    private static readonly (string Method, string Path, string? Body, string? UserAgent)[] Script =
    [
        ("GET", "/version", null, null),
        ("GET", "/proxies", null, null),
        ("POST", "/proxies", """{"name":"a","listen":"127.0.0.1:0","upstream":"127.0.0.1:1"}""", null),
        ("POST", "/proxies", """{"name":"a","listen":"127.0.0.1:0","upstream":"127.0.0.1:1"}""", null),
        ("POST", "/proxies", """{"name":"","upstream":"x"}""", null),
        ("POST", "/proxies", """{"name":"b","upstream":""}""", null),
        ("POST", "/proxies", """{"name":"c","listen":"localhost:{freeport}","upstream":"nohost-without-port","enabled":false}""", null),
        ("POST", "/proxies", """{"name":"d","listen":"{listen:a}","upstream":"x"}""", null),
        ("POST", "/proxies", """{"name":"e","listen":"bad","upstream":"x"}""", null),
        ("POST", "/proxies", """{"name":"e","listen":"localhost:99999","upstream":"x"}""", null),
        ("POST", "/proxies", """{"name":"f","listen":"127.0.0.1:0","upstream":"x","enabled":"yes"}""", null),
        ("POST", "/proxies", """{"name":5}""", null),
        ("POST", "/proxies", "", null),
        ("POST", "/proxies", "  \n", null),
        ("POST", "/proxies", """{"name":"g""", null),
        ("POST", "/proxies", "{bad", null),
        ("POST", "/proxies", "[1]", null),
        ("POST", "/proxies", "null", null),
        ("POST", "/proxies", """{"Name":"h","UPSTREAM":"x","listen":"127.0.0.1:0","extra":1,"toxics":[{"type":"latency"}]} trailing""", null),
        ("GET", "/proxies/a", null, null),
        ("GET", "/proxies/zz", null, null),
        ("PATCH", "/proxies/c", """{"enabled":true}""", null),
        ("POST", "/proxies/c", """{"enabled":false,"name":"renamed"}""", null),
        ("PATCH", "/proxies/a", """{"listen":"bad"}""", null),
        ("PATCH", "/proxies/a", "[1]", null),
        ("PATCH", "/proxies/zz", "{}", null),
        ("POST", "/proxies/a/toxics", """{"type":"latency","attributes":{"latency":100,"jitter":10}}""", null),
        ("POST", "/proxies/a/toxics", """{"type":"latency"}""", null),
        ("POST", "/proxies/a/toxics", """{"type":"latency","stream":"UpStream","toxicity":0.2}""", null),
        ("POST", "/proxies/a/toxics", """{"type":"lag"}""", null),
        ("POST", "/proxies/a/toxics", """{"type":"latency","stream":"walrus"}""", null),
        ("POST", "/proxies/a/toxics", """{"type":"latency","stream":""}""", null),
        ("POST", "/proxies/a/toxics", """{"type":"latency","name":"x","attributes":{"latency":1.5}}""", null),
        ("POST", "/proxies/a/toxics", """{"type":"latency","name":"x","attributes":{"latency":"1"}}""", null),
        ("POST", "/proxies/a/toxics", """{"type":"latency","name":"x","toxicity":"1"}""", null),
        ("POST", "/proxies/a/toxics", """{"type":"latency","name":"x","attributes":5}""", null),
        ("POST", "/proxies/a/toxics", """{"type":"latency","name":"x","attributes":{"latency":1e2}}""", null),
        ("POST", "/proxies/a/toxics", """{"type":"latency","name":"n<&>é","toxicity":1e-7,"attributes":{"latency":-100}}""", null),
        ("POST", "/proxies/a/toxics", """{"type":"slow_close","name":"sc","attributes":{"delay":-5,"unknown":1}}""", null),
        ("POST", "/proxies/a/toxics", """{"Type":"noop","NAME":"up","Stream":"UpStream","attributes":{"x":1}}""", null),
        ("POST", "/proxies/a/toxics", """{"type":"slicer","name":"sl","attributes":{"average_size":10,"size_variation":5,"delay":100}}""", null),
        ("POST", "/proxies/a/toxics", """{"type":"limit_data","name":"ld","attributes":{"bytes":3}}""", null),
        ("POST", "/proxies/a/toxics", """{"type":"timeout","name":"to","toxicity":-1,"attributes":null}""", null),
        ("POST", "/proxies/a/toxics", """{"type":"reset_peer","name":"rp","stream":"upstream","toxicity":2.5}""", null),
        ("POST", "/proxies/a/toxics", """{"type":"bandwidth","name":"bw","attributes":{"rate":0}}""", null),
        ("POST", "/proxies/a/toxics", "[]", null),
        ("POST", "/proxies/a/toxics", "null", null),
        ("POST", "/proxies/zz/toxics", """{"type":"latency"}""", null),
        ("GET", "/proxies/a/toxics", null, null),
        ("GET", "/proxies/a/toxics/latency_downstream", null, null),
        ("GET", "/proxies/a/toxics/nope", null, null),
        ("PATCH", "/proxies/a/toxics/latency_downstream", """{"attributes":{"jitter":9}}""", null),
        ("POST", "/proxies/a/toxics/latency_downstream", """{"toxicity":0.5,"name":"ignored","type":"bandwidth"}""", null),
        ("PATCH", "/proxies/a/toxics/latency_downstream", "{}", null),
        ("PATCH", "/proxies/a/toxics/latency_downstream", "null", null),
        ("PATCH", "/proxies/a/toxics/latency_downstream", "", null),
        ("PATCH", "/proxies/a/toxics/latency_downstream", """{"attributes":{"Latency":7,"LATENCY":8}}""", null),
        ("PATCH", "/proxies/a/toxics/latency_downstream", """{"attributes":5}""", null),
        ("PATCH", "/proxies/a/toxics/latency_downstream", """{"toxicity":"x"}""", null),
        ("PATCH", "/proxies/a/toxics/latency_downstream", "[]", null),
        ("PATCH", "/proxies/a/toxics/nope", """{"toxicity":1}""", null),
        ("DELETE", "/proxies/a/toxics/sc", null, null),
        ("DELETE", "/proxies/a/toxics/sc", null, null),
        ("GET", "/proxies", null, null),
        ("POST", "/populate", "[]", null),
        ("POST", "/populate", "null", null),
        ("POST", "/populate", """{"proxies":[]}""", null),
        ("POST", "/populate", "[5]", null),
        ("POST", "/populate", """[{"name":"q","upstream":"x","enabled":"no"}]""", null),
        ("POST", "/populate", """[{"name":"p1","listen":"127.0.0.1:0","upstream":"x"},{"name":"","upstream":"x"}]""", null),
        ("POST", "/populate", """[{"name":"p1","listen":"127.0.0.1:0","upstream":"x"},{"name":"p2","upstream":""}]""", null),
        ("POST", "/populate", """[{"name":"p1","listen":"127.0.0.1:0","upstream":"x"},{"name":"p2","listen":"local373","upstream":"x"}]""", null),
        ("POST", "/populate", """[{"name":"p3","listen":"127.0.0.1:{freeport}","upstream":"x","enabled":false},{"name":"p4","listen":"localhost:0","upstream":"y"}]""", null),
        ("POST", "/populate", """[{"name":"p4","listen":"{listen:p4}","upstream":"y"}]""", null),
        ("GET", "/proxies", null, null),
        ("PATCH", "/proxies/p3", """{"enabled":false}""", null),
        ("POST", "/reset", "garbage", null),
        ("GET", "/proxies", null, null),
        ("DELETE", "/proxies/a", null, null),
        ("DELETE", "/proxies/a", null, null),
        ("GET", "/proxies/", null, null),
        ("GET", "/Proxies", null, null),
        ("GET", "/", null, null),
        ("PUT", "/proxies", null, null),
        ("GET", "/reset", null, null),
        ("HEAD", "/version", null, null),
        ("GET", "/metrics", null, null),
        ("GET", "/proxies", null, "Mozilla/5.0 (X11; Linux x86_64)"),
        ("GET", "/proxies", null, "mozilla/5.0"),
        ("GET", "/nope", null, "Mozilla/5.0"),
        ("GET", "/proxies", null, null),
    ];

    [RequiresToxiproxyFact]
    public async Task The_same_requests_get_the_same_answers_from_Toxiproxy_and_from_us()
    {
        int port = FreePort.Next();
        await using GuardedServer real = await GuardedServer.StartAsync(false, ToxiproxyAnchor.RequireServer(), "-host", "127.0.0.1", "-port", $"{port}");
        using var theirs = new ApiClient(new Uri($"http://127.0.0.1:{port}"));
        await GuardedServer.WaitUntilServingAsync(theirs);
        await using ApiHarness ours = await ApiHarness.StartAsync();

        var differences = new List<string>();
        for (int i = 0; i < Script.Length; i++)
        {
            var (method, path, body, userAgent) = Script[i];
            string expected = Normalize(await SendAsync(theirs, method, path, body, userAgent));
            string actual = Normalize(await SendAsync(ours.Api, method, path, body, userAgent));
            if (expected != actual) differences.Add($"#{i} {method} {path} {body}\n  toxiproxy: {expected}\n  ours:      {actual}");
        }
        real.HasExited.Should().BeFalse("no request of the script crashes Toxiproxy either");
        differences.Should().BeEmpty(string.Join("\n", differences));
    }

    private static async Task<ApiReply> SendAsync(ApiClient api, string method, string path, string? body, string? userAgent)
    {
        if (body is not null && ListenOf().Match(body) is { Success: true } match)
        {
            string listen = (await api.GetAsync($"/proxies/{match.Groups[1].Value}")).Json.GetProperty("listen").GetString()!;
            body = body.Replace(match.Value, listen);
        }
        // Proxies that are disabled and enabled again (by /reset) listen outside the ephemeral range, each server on its own.
        body = body?.Replace("{freeport}", $"{FreePort.Next()}");
        return await api.SendAsync(method, path, body, userAgent);
    }

    private static string Normalize(ApiReply reply)
    {
        string body = Port().Replace(reply.Body, "${ip}:PORT");
        body = SyntaxError().Replace(body, "bad request body: invalid character …");
        return $"{reply.Status} | {reply.ContentType} | request-id {reply.HasRequestId} | {body}";
    }

    [GeneratedRegex(@"\{listen:([a-z0-9]+)\}")]
    private static partial Regex ListenOf();

    [GeneratedRegex(@"(?<ip>127\.0\.0\.1|localhost|\[::\]|\[::1\]):\d+")]
    private static partial Regex Port();

    [GeneratedRegex(@"bad request body: invalid character [^""]*")]
    private static partial Regex SyntaxError();
}
