using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using Polly.Timeout;

namespace ChaosFeatures.Harness.Clients;

/// <summary>The one place that turns how a transfer ended into an <see cref="Outcome"/>. Drivers (ours and users') call it.</summary>
public static class OutcomeClassifier
{
    /// <summary>Lower-case name as used in features and the event log: <c>completed</c>, <c>reset</c>, ...</summary>
    public static string Name(Outcome outcome) => outcome.ToString().ToLowerInvariant();

    /// <summary>
    /// A transfer that ended with <paramref name="error"/>. Socket errors keep their meaning even if a
    /// cancel came later; a cancellation-shaped error is the caller's cancel or, failing that, our timeout.
    /// </summary>
    /// <param name="transportEof">
    /// The client's transport read a FIN before the error: SslStream reports a FIN inside a record or
    /// the handshake only as an IOException with a message, so drivers watch their transport instead
    /// (<see cref="TransportWatch"/>) and a FIN stays <see cref="Outcome.Eof"/> on every stack.
    /// </param>
    public static Outcome FromException(Exception error, bool cancelledByCaller, bool timedOut, bool transportEof = false)
    {
        // A cancellation our own token caused is the story even when it carries the aborted socket's error inside
        // (HttpClient aborts the connection under a cancelled read, and which inner error it attaches is a race).
        if (Unwrap(error) is OperationCanceledException)
        {
            if (cancelledByCaller) return Outcome.Cancelled;
            if (timedOut) return Outcome.Timeout;
        }
        var socketError = SocketErrorOf(error);
        switch (socketError)
        {
            case SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown:
                return Outcome.Reset;
            case SocketError.ConnectionRefused:
                return Outcome.Refused;
        }
        if (Find<AuthenticationException>(error) is not null) return Outcome.Handshake;
        if (Find<TimeoutRejectedException>(error) is not null) return Outcome.Timeout; // Polly's attempt or total timeout
        switch (HttpErrorOf(error))
        {
            case HttpRequestError.ResponseEnded: return Outcome.Eof;
            case HttpRequestError.InvalidResponse: return Outcome.Corrupt;
        }
        var cancellationShaped = Unwrap(error) is OperationCanceledException or ObjectDisposedException
            || socketError == SocketError.OperationAborted;
        if (cancellationShaped && cancelledByCaller) return Outcome.Cancelled;
        if (cancellationShaped && timedOut) return Outcome.Timeout;
        // After the cancel checks: a client aborting its own connection may read a 0 on the way out.
        if (transportEof && Find<IOException>(error) is not null) return Outcome.Eof;
        // Third-party clients wrap their transport's endings in their own exceptions (Npgsql: NpgsqlException over
        // EndOfStreamException on a FIN, over TimeoutException for a command timeout): found anywhere in the chain.
        if (Find<EndOfStreamException>(error) is not null) return Outcome.Eof;
        return Find<TimeoutException>(error) is not null ? Outcome.Timeout : Outcome.Error;
    }

    /// <summary>A download that reached EOF, judged against what the request expected (length from the payload when given).</summary>
    public static Outcome FromDownload(ReadOnlySpan<byte> received, int? expectedLength, ReadOnlyMemory<byte>? expectedPayload)
    {
        var length = expectedPayload?.Length ?? expectedLength;
        if (length is null) return Outcome.Completed;
        if (received.Length < length) return Outcome.Eof;
        if (received.Length > length) return Outcome.Corrupt;
        return expectedPayload is { } payload && !received.SequenceEqual(payload.Span) ? Outcome.Corrupt : Outcome.Completed;
    }

    /// <summary>The socket error anywhere in the chain: HttpClient nests it as HttpRequestException -> IOException -> SocketException.</summary>
    private static SocketError? SocketErrorOf(Exception error) => Find<SocketException>(error)?.SocketErrorCode;

    private static HttpRequestError? HttpErrorOf(Exception error) => Unwrap(error) switch
    {
        HttpIOException io => io.HttpRequestError,
        HttpRequestException request => request.HttpRequestError,
        _ => null,
    };

    private static T? Find<T>(Exception error) where T : Exception
    {
        for (Exception? e = Unwrap(error); e is not null; e = e.InnerException)
        {
            if (e is T found) return found;
            if (e is AggregateException { InnerExceptions: [var single] }) return Find<T>(single);
        }
        return null;
    }

    /// <summary>NetworkStream and pipes wrap socket errors in IOException; tasks wrap in AggregateException.</summary>
    private static Exception Unwrap(Exception error)
    {
        while (true)
        {
            switch (error)
            {
                case AggregateException { InnerExceptions: [var single] }: error = single; continue;
                case IOException { InnerException: SocketException inner }: return inner;
                default: return error;
            }
        }
    }
}
