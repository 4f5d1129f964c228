using System.Text.Json;
using ChaosFeatures.Control.Tests.Support;

namespace ChaosFeatures.Control.Tests.Conformance;

/// <summary>
/// The 34 behaviours of Toxiproxy's own api_test.go, asserted against our server over HTTP
/// (ports are free ones rather than its fixed 7070, 7373 and 3310).
/// </summary>
public sealed class ApiConformanceTests : IAsyncLifetime
{
    private ApiHarness _harness = null!;
    private readonly int _port = FreePort.Next();
    private readonly int _other = FreePort.Next();

    private ApiClient Api => _harness.Api;

    public async Task InitializeAsync() => _harness = await ApiHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task RequestId_is_set_on_version_for_a_curl_user_agent()
    {
        ApiReply reply = await Api.GetAsync("/version", userAgent: "curl/8.0");
        reply.HasRequestId.Should().BeTrue();
    }

    [Fact]
    public async Task BrowserGets403()
    {
        ApiReply reply = await Api.GetAsync("/proxies", userAgent: "Mozilla/5.0 (Linux x86_64) Gecko/20100101 Firefox/115.0");
        reply.Status.Should().Be(403);
        reply.Body.Should().Be("User agent not allowed\n");
    }

    [Fact]
    public async Task NonBrowserGets200()
    {
        (await Api.GetAsync("/proxies", userAgent: "Wget/2.1")).Status.Should().Be(200);
    }

    [Fact]
    public async Task IndexWithNoProxies()
    {
        ApiReply reply = await Api.GetAsync("/proxies");
        reply.Status.Should().Be(200);
        reply.Json.EnumerateObject().Should().BeEmpty();
    }

    [Fact]
    public async Task CreateProxyBlankName()
    {
        ApiReply reply = await Api.PostAsync("/proxies", """{"name":"","listen":"localhost:0","upstream":"localhost:20001","enabled":true,"toxics":null}""");
        reply.GoClientError.Should().Be("HTTP 400: missing required field: name");
    }

    [Fact]
    public async Task CreateProxyBlankUpstream()
    {
        ApiReply reply = await Api.PostAsync("/proxies", """{"name":"test","listen":"localhost:0","upstream":"","enabled":true}""");
        reply.GoClientError.Should().Be("HTTP 400: missing required field: upstream");
    }

    [Fact]
    public async Task PopulateProxy_returns_them_in_order_and_both_listen()
    {
        ApiReply reply = await Api.PostAsync("/populate", $$"""
            [{"name":"one","listen":"localhost:{{_port}}","upstream":"localhost:7171","enabled":true},
             {"name":"two","listen":"localhost:{{_other}}","upstream":"localhost:7171","enabled":true}]
            """);
        reply.Status.Should().Be(201);
        JsonElement[] proxies = [.. reply.Json.GetProperty("proxies").EnumerateArray()];
        proxies.Select(p => p.GetProperty("name").GetString()).Should().Equal("one", "two");
        (await FreePort.IsUpAsync(_port)).Should().BeTrue();
        (await FreePort.IsUpAsync(_other)).Should().BeTrue();
    }

    [Fact]
    public async Task PopulateDefaultEnabled()
    {
        ApiReply reply = await Api.PostAsync("/populate", $$"""[{"name":"test","listen":"localhost:{{_port}}","upstream":"localhost:7171"}]""");
        reply.Status.Should().Be(201);
        (await Api.GetAsync("/proxies/test")).Json.GetProperty("enabled").GetBoolean().Should().BeTrue();
        (await FreePort.IsUpAsync(_port)).Should().BeTrue();
    }

    [Fact]
    public async Task PopulateDisabledProxy()
    {
        ApiReply reply = await Api.PostAsync("/populate", $$"""
            [{"name":"one","listen":"localhost:{{_port}}","upstream":"localhost:7171","enabled":false},
             {"name":"two","listen":"localhost:{{_other}}","upstream":"localhost:7171","enabled":true}]
            """);
        reply.Status.Should().Be(201);
        (await FreePort.IsUpAsync(_port)).Should().BeFalse();
        (await FreePort.IsUpAsync(_other)).Should().BeTrue();
    }

    [Fact]
    public async Task PopulateExistingProxy_keeps_an_equal_one_and_replaces_a_moved_one()
    {
        int moved = FreePort.Next();
        (await Api.PostAsync("/proxies", $$"""{"name":"one","listen":"127.0.0.1:{{_port}}","upstream":"localhost:7171"}""")).Status.Should().Be(201);
        (await Api.PostAsync("/proxies", $$"""{"name":"two","listen":"127.0.0.1:{{_other}}","upstream":"localhost:7171"}""")).Status.Should().Be(201);
        (await Api.PostAsync("/proxies/one/toxics", """{"type":"latency","attributes":{"latency":10}}""")).Status.Should().Be(200);

        ApiReply reply = await Api.PostAsync("/populate", $$"""
            [{"name":"one","listen":"localhost:{{_port}}","upstream":"localhost:7171"},
             {"name":"two","listen":"127.0.0.1:{{moved}}","upstream":"localhost:7171"}]
            """);

        reply.Status.Should().Be(201);
        JsonElement[] proxies = [.. reply.Json.GetProperty("proxies").EnumerateArray()];
        proxies.Select(p => p.GetProperty("listen").GetString()).Should().Equal($"127.0.0.1:{_port}", $"127.0.0.1:{moved}");
        (await Api.GetAsync("/proxies/one/toxics")).Json.GetArrayLength().Should().Be(1, "the unchanged proxy keeps its latency toxic");
        (await FreePort.IsUpAsync(_port)).Should().BeTrue();
        (await FreePort.IsUpAsync(moved)).Should().BeTrue();
    }

    [Fact]
    public async Task PopulateWithBadName_creates_nothing()
    {
        ApiReply reply = await Api.PostAsync("/populate", $$"""
            [{"name":"one","listen":"localhost:{{_port}}","upstream":"localhost:7171"},{"name":"","listen":"","upstream":"localhost:7171"}]
            """);
        reply.GoClientError.Should().Be("HTTP 400: missing required field: name at proxy 2");
        reply.Json.GetProperty("proxies").ValueKind.Should().Be(JsonValueKind.Null);
        (await Api.GetAsync("/proxies")).Json.EnumerateObject().Should().BeEmpty();
    }

    [Fact]
    public async Task PopulateProxyWithBadDataShouldReturnError_keeping_the_ones_before()
    {
        ApiReply reply = await Api.PostAsync("/populate", $$"""
            [{"name":"one","listen":"localhost:{{_port}}","upstream":"localhost:7171"},
             {"name":"two","listen":"local373","upstream":"localhost:7171"},
             {"name":"three","listen":"localhost:{{_other}}","upstream":"localhost:7171"}]
            """);
        reply.Status.Should().Be(500);
        reply.Json.GetProperty("error").GetString().Should().Be("listen tcp: address local373: missing port in address");
        string[] names = [.. (await Api.GetAsync("/proxies")).Json.EnumerateObject().Select(p => p.Name)];
        names.Should().Equal("one");
    }

    [Fact]
    public async Task PopulateAddToxic()
    {
        (await Api.PostAsync("/populate", $$"""[{"name":"one","listen":"localhost:{{_port}}","upstream":"localhost:7171"}]""")).Status.Should().Be(201);
        (await Api.PostAsync("/proxies/one/toxics", """{"name":"foobar","type":"latency","attributes":{"latency":100}}""")).Status.Should().Be(200);
    }

    [Fact]
    public async Task ListingProxies_shows_the_resolved_listen_and_the_upstream_verbatim()
    {
        await CreateMysqlMaster();
        JsonElement proxy = (await Api.GetAsync("/proxies")).Json.GetProperty("mysql_master");
        proxy.GetProperty("name").GetString().Should().Be("mysql_master");
        proxy.GetProperty("listen").GetString().Should().Be($"127.0.0.1:{_port}");
        proxy.GetProperty("upstream").GetString().Should().Be("localhost:20001");
        proxy.GetProperty("toxics").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task CreateAndGetProxy()
    {
        await CreateMysqlMaster();
        JsonElement proxy = (await Api.GetAsync("/proxies/mysql_master")).Json;
        proxy.GetProperty("listen").GetString().Should().Be($"127.0.0.1:{_port}");
        proxy.GetProperty("upstream").GetString().Should().Be("localhost:20001");
        proxy.GetProperty("enabled").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task CreateProxyWithSave()
    {
        ApiReply created = await Api.PostAsync("/proxies", $$"""{"name":"mysql_master","listen":"localhost:{{_port}}","upstream":"localhost:20001","enabled":true,"toxics":null}""");
        created.Status.Should().Be(201);
        created.Json.GetProperty("listen").GetString().Should().Be($"127.0.0.1:{_port}");
        (await FreePort.IsUpAsync(_port)).Should().BeTrue();
    }

    [Fact]
    public async Task CreateDisabledProxy_leaves_listen_unresolved_and_down()
    {
        ApiReply created = await Api.PostAsync("/proxies", $$"""{"name":"mysql_master","listen":"localhost:{{_port}}","upstream":"localhost:20001","enabled":false}""");
        created.Json.GetProperty("listen").GetString().Should().Be($"localhost:{_port}");
        created.Json.GetProperty("enabled").GetBoolean().Should().BeFalse();
        (await FreePort.IsUpAsync(_port)).Should().BeFalse();
    }

    [Fact]
    public async Task CreateDisabledProxyAndEnable_with_full_proxy_posts()
    {
        await Api.PostAsync("/proxies", $$"""{"name":"mysql_master","listen":"localhost:{{_port}}","upstream":"localhost:20001","enabled":false}""");
        string full(bool enabled) => $$"""{"name":"mysql_master","listen":"localhost:{{_port}}","upstream":"localhost:20001","enabled":{{(enabled ? "true" : "false")}},"toxics":[]}""";

        (await Api.PostAsync("/proxies/mysql_master", full(true))).Json.GetProperty("enabled").GetBoolean().Should().BeTrue();
        (await FreePort.IsUpAsync(_port)).Should().BeTrue();
        (await Api.PostAsync("/proxies/mysql_master", full(false))).Json.GetProperty("enabled").GetBoolean().Should().BeFalse();
        (await FreePort.IsUpAsync(_port)).Should().BeFalse();
    }

    [Fact]
    public async Task DeleteProxy()
    {
        await CreateMysqlMaster();
        (await FreePort.IsUpAsync(_port)).Should().BeTrue();

        ApiReply deleted = await Api.DeleteAsync("/proxies/mysql_master");
        deleted.Status.Should().Be(204);
        deleted.Body.Should().BeEmpty();
        (await FreePort.IsUpAsync(_port)).Should().BeFalse();
        (await Api.GetAsync("/proxies")).Json.EnumerateObject().Should().BeEmpty();
        (await Api.DeleteAsync("/proxies/mysql_master")).GoClientError.Should().Be("HTTP 404: proxy not found");
    }

    [Fact]
    public async Task CreateProxyPortConflict()
    {
        await CreateMysqlMaster();
        ApiReply conflict = await Api.PostAsync("/proxies", $$"""{"name":"test","listen":"localhost:{{_port}}","upstream":"localhost:20001"}""");
        conflict.GoClientError.Should().Be($"HTTP 500: listen tcp 127.0.0.1:{_port}: bind: address already in use");

        await Api.DeleteAsync("/proxies/mysql_master");
        (await Api.PostAsync("/proxies", $$"""{"name":"test","listen":"localhost:{{_port}}","upstream":"localhost:20001"}""")).Status.Should().Be(201);
    }

    [Fact]
    public async Task CreateProxyNameConflict()
    {
        await CreateMysqlMaster();
        (await Api.PostAsync("/proxies", $$"""{"name":"mysql_master","listen":"localhost:0","upstream":"localhost:20001"}""")).GoClientError
            .Should().Be("HTTP 409: proxy already exists");
        await Api.DeleteAsync("/proxies/mysql_master");
        (await Api.PostAsync("/proxies", """{"name":"mysql_master","listen":"localhost:0","upstream":"localhost:20001"}""")).Status.Should().Be(201);
    }

    [Fact]
    public async Task ResetState_reenables_and_removes_toxics_but_keeps_proxies()
    {
        await CreateMysqlMaster();
        JsonElement toxic = (await Api.PostAsync("/proxies/mysql_master/toxics", """{"type":"latency","attributes":{"latency":100,"jitter":10}}""")).Json;
        toxic.GetProperty("attributes").GetProperty("latency").GetDouble().Should().Be(100.0);
        toxic.GetProperty("attributes").GetProperty("jitter").GetDouble().Should().Be(10.0);
        await Api.PatchAsync("/proxies/mysql_master", """{"enabled":false}""");

        ApiReply reset = await Api.PostAsync("/reset", "");

        reset.Status.Should().Be(204);
        JsonElement proxy = (await Api.GetAsync("/proxies/mysql_master")).Json;
        proxy.GetProperty("enabled").GetBoolean().Should().BeTrue();
        proxy.GetProperty("toxics").GetArrayLength().Should().Be(0);
        (await FreePort.IsUpAsync(_port)).Should().BeTrue();
    }

    [Fact]
    public async Task ListingToxics_of_a_new_proxy_is_empty()
    {
        await CreateMysqlMaster();
        (await Api.GetAsync("/proxies/mysql_master/toxics")).Body.Should().Be("[]");
    }

    [Fact]
    public async Task AddToxic_echoes_and_lists_it()
    {
        await CreateMysqlMaster();
        ApiReply added = await Api.PostAsync("/proxies/mysql_master/toxics", """{"name":"foobar","type":"latency","attributes":{"latency":100,"jitter":10}}""");
        added.Status.Should().Be(200);
        added.Body.Should().Be("""{"attributes":{"latency":100,"jitter":10},"name":"foobar","type":"latency","stream":"downstream","toxicity":1}""");
        (await Api.GetAsync("/proxies/mysql_master/toxics")).Body.Should().Be($"[{added.Body}]");
    }

    [Fact]
    public async Task AddMultipleToxics_fill_in_zero_defaults()
    {
        await CreateMysqlMaster();
        await Api.PostAsync("/proxies/mysql_master/toxics", """{"name":"latency1","type":"latency"}""");
        ApiReply second = await Api.PostAsync("/proxies/mysql_master/toxics", """{"name":"latency2","type":"latency","stream":"downstream","toxicity":1}""");
        second.Body.Should().Be("""{"attributes":{"latency":0,"jitter":0},"name":"latency2","type":"latency","stream":"downstream","toxicity":1}""");
        JsonElement[] listed = [.. (await Api.GetAsync("/proxies/mysql_master/toxics")).Json.EnumerateArray()];
        listed.Select(t => t.GetProperty("stream").GetString()).Should().OnlyContain(s => s == "downstream");
        listed.Select(t => t.GetProperty("name").GetString()).Should().Equal("latency1", "latency2");
    }

    [Fact]
    public async Task AddConflictingToxic_on_the_same_stream_is_409_and_keeps_the_first()
    {
        await CreateMysqlMaster();
        await Api.PostAsync("/proxies/mysql_master/toxics", """{"name":"foobar","type":"latency","stream":"downstream"}""");
        (await Api.PostAsync("/proxies/mysql_master/toxics", """{"name":"foobar","type":"slow_close","stream":"downstream"}""")).GoClientError
            .Should().Be("HTTP 409: toxic already exists");
        (await Api.GetAsync("/proxies/mysql_master/toxics/foobar")).Json.GetProperty("type").GetString().Should().Be("latency");
    }

    [Fact]
    public async Task AddConflictingToxicsMultistream_is_409_too()
    {
        await CreateMysqlMaster();
        await Api.PostAsync("/proxies/mysql_master/toxics", """{"name":"foobar","type":"latency","stream":"upstream"}""");
        (await Api.PostAsync("/proxies/mysql_master/toxics", """{"name":"foobar","type":"latency","stream":"downstream"}""")).GoClientError
            .Should().Be("HTTP 409: toxic already exists");
    }

    [Fact]
    public async Task AddConflictingToxicsMultistreamDefaults_get_type_stream_names()
    {
        await CreateMysqlMaster();
        (await Api.PostAsync("/proxies/mysql_master/toxics", """{"type":"latency","stream":"upstream"}""")).Json.GetProperty("name").GetString().Should().Be("latency_upstream");
        (await Api.PostAsync("/proxies/mysql_master/toxics", """{"type":"latency","stream":"downstream"}""")).Json.GetProperty("name").GetString().Should().Be("latency_downstream");
    }

    [Fact]
    public async Task AddToxicWithToxicity_echoes_the_float32()
    {
        await CreateMysqlMaster();
        ApiReply added = await Api.PostAsync("/proxies/mysql_master/toxics", """{"name":"foobar","type":"latency","toxicity":0.2}""");
        added.Json.GetProperty("toxicity").GetRawText().Should().Be("0.2");
        (await Api.GetAsync("/proxies/mysql_master/toxics")).Json[0].GetProperty("toxicity").GetSingle().Should().Be(0.2f);
    }

    [Fact]
    public async Task AddNoop_defaults_to_downstream_and_toxicity_1()
    {
        await CreateMysqlMaster();
        ApiReply added = await Api.PostAsync("/proxies/mysql_master/toxics", """{"name":"foobar","type":"noop"}""");
        added.Body.Should().Be("""{"attributes":{},"name":"foobar","type":"noop","stream":"downstream","toxicity":1}""");
    }

    [Fact]
    public async Task UpdateToxics_merge_attributes_and_keep_an_omitted_toxicity()
    {
        await CreateMysqlMaster();
        await Api.PostAsync("/proxies/mysql_master/toxics", """{"name":"foobar","type":"latency","toxicity":1,"attributes":{"latency":100,"jitter":10}}""");

        ApiReply first = await Api.PatchAsync("/proxies/mysql_master/toxics/foobar", """{"toxicity":0.5,"attributes":{"latency":1000}}""");
        first.Body.Should().Be("""{"attributes":{"latency":1000,"jitter":10},"name":"foobar","type":"latency","stream":"downstream","toxicity":0.5}""");
        ApiReply second = await Api.PatchAsync("/proxies/mysql_master/toxics/foobar", """{"attributes":{"latency":500}}""");
        second.Body.Should().Be("""{"attributes":{"latency":500,"jitter":10},"name":"foobar","type":"latency","stream":"downstream","toxicity":0.5}""");
        (await Api.GetAsync("/proxies/mysql_master/toxics")).Body.Should().Be($"[{second.Body}]");
    }

    [Fact]
    public async Task RemoveToxic()
    {
        await CreateMysqlMaster();
        await Api.PostAsync("/proxies/mysql_master/toxics", """{"name":"foobar","type":"latency"}""");
        ApiReply removed = await Api.DeleteAsync("/proxies/mysql_master/toxics/foobar");
        removed.Status.Should().Be(204);
        removed.Body.Should().BeEmpty();
        (await Api.GetAsync("/proxies/mysql_master/toxics")).Body.Should().Be("[]");
    }

    [Fact]
    public async Task VersionEndpointReturnsVersion_byte_exact()
    {
        ApiReply reply = await Api.GetAsync("/version");
        reply.Body.Should().Be("{\"version\": \"2.12.0\"}\n");
        reply.ContentType.Should().Be("application/json; charset=utf-8");
        Version.Parse(reply.Json.GetProperty("version").GetString()!).Should().BeGreaterThanOrEqualTo(new Version(2, 6, 0));
    }

    [Fact]
    public async Task InvalidStream()
    {
        await CreateMysqlMaster();
        (await Api.PostAsync("/proxies/mysql_master/toxics", """{"name":"foobar","type":"latency","stream":"walrustream"}""")).GoClientError
            .Should().Be("HTTP 400: stream was invalid, can be either upstream or downstream");
    }

    private async Task CreateMysqlMaster()
    {
        ApiReply created = await Api.PostAsync("/proxies", $$"""{"name":"mysql_master","listen":"localhost:{{_port}}","upstream":"localhost:20001","enabled":true}""");
        created.Status.Should().Be(201, created.Body);
    }
}
