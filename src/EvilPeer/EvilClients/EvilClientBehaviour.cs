namespace ChaosFeatures.EvilPeer.EvilClients;

/// <summary>
/// What each of an evil client's connections does: hold silent, slowloris, a lying frame header,
/// random or replayed bytes, open/close churn, half-close. Immutable and validated by their
/// constructors; one instance drives every lane (<see cref="EvilClientOptions.Connections"/> run at once).
/// </summary>
public abstract record EvilClientBehaviour
{
    private protected EvilClientBehaviour() { }

    /// <summary>The mode name used in events and in the forked client table.</summary>
    public abstract string Mode { get; }

    /// <summary>One lane: by default one connection that runs <see cref="RunAsync"/> and is then closed.</summary>
    internal virtual async Task RunLaneAsync(ClientRun run)
    {
        ClientConnection? connection = await run.ConnectAsync();
        if (connection is null) return;
        try
        {
            await RunAsync(connection, run);
        }
        finally
        {
            await connection.CloseAsync(run.Options.HardClose);
        }
    }

    internal abstract Task RunAsync(ClientConnection connection, ClientRun run);

    /// <summary>False for a client that must not read what the server sends (its connections then have no reader at all).</summary>
    internal virtual bool ReadsReplies => true;
}
