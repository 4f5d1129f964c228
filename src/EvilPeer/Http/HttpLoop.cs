using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Events;
using ChaosFeatures.EvilPeer.Peers;

namespace ChaosFeatures.EvilPeer.Http;

/// <summary>One connection of an HTTP peer: request, record, respond, until a close or a cut.</summary>
internal static class HttpLoop
{
    private static readonly byte[] Continue = "HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray();

    public static async Task RunAsync(HttpBehaviour http, PeerConnection connection)
    {
        using var reader = new HttpRequestReader(connection);
        var emit = connection.Events.For(connection.Id);
        try
        {
            while (true)
            {
                HttpRequestHead? head;
                byte[] body;
                long length;
                try
                {
                    head = await reader.ReadHeadAsync();
                    if (head is null) break; // the client closed between requests
                    if (head.ExpectsContinue) await connection.SendAsync(Continue);
                    (body, length) = await reader.ReadBodyAsync(head, HttpBehaviour.MaxRecordedBodyBytes);
                }
                catch (HttpParseException e)
                {
                    emit?.Invoke(PeerEventNames.HttpMalformed, [new("message", e.Message)]);
                    await HttpResponseWriter.WriteBadRequestAsync(connection, e.Message);
                    break;
                }
                RecordedHttpRequest request = Record(connection, head, body, length, emit);
                HttpResponsePlan plan = http.Script.ResponseFor(request.Number, request.Path);
                if (await HttpResponseWriter.WriteAsync(connection, plan, request.Number, head.Method == "HEAD", head.WantsClose)) return;
                if (plan.ClosesConnection || head.WantsClose) break;
            }
        }
        catch (Exception e) when (e is SocketException or IOException && !connection.Stopping.IsCancellationRequested)
        {
            // The client went away mid-exchange (a cancel, its own timeout, a reset): expected under chaos, not a peer error.
            emit?.Invoke(PeerEventNames.HttpClientGone, [new("message", e.Message)]);
            connection.Release("client_gone");
            return;
        }
        await connection.SendFinAsync();
        await connection.DrainAsync();
    }

    private static RecordedHttpRequest Record(PeerConnection connection, HttpRequestHead head, byte[] body, long length,
        Action<string, KeyValuePair<string, object?>[]>? emit)
    {
        var request = new RecordedHttpRequest(connection.Stats.NextHttpRequestNumber(), connection.Id, head.Method, head.Target,
            head.Version, head.Headers, body, length);
        connection.Stats.OnHttpRequest(request);
        emit?.Invoke(PeerEventNames.HttpRequest, HttpRequestEvent.Fields(request));
        return request;
    }
}
