using System.Net.Sockets;

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
    public static Outcome FromException(Exception error, bool cancelledByCaller, bool timedOut)
    {
        var socketError = SocketErrorOf(error);
        switch (socketError)
        {
            case SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown:
                return Outcome.Reset;
            case SocketError.ConnectionRefused:
                return Outcome.Refused;
        }
        var cancellationShaped = Unwrap(error) is OperationCanceledException or ObjectDisposedException
            || socketError == SocketError.OperationAborted;
        if (cancellationShaped && cancelledByCaller) return Outcome.Cancelled;
        if (cancellationShaped && timedOut) return Outcome.Timeout;
        return Unwrap(error) is TimeoutException ? Outcome.Timeout : Outcome.Error;
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

    private static SocketError? SocketErrorOf(Exception error) => Unwrap(error) switch
    {
        SocketException socket => socket.SocketErrorCode,
        _ => null,
    };

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
