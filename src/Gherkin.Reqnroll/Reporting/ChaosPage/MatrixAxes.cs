using System.Text.RegularExpressions;
using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Reporting.ChaosPage;

/// <summary>
/// Which axis of the matrix a step belongs to, and in which family, read from the step library's phrases
/// (docs/steps.md): transport faults of the TCP peer, the toxic proxy, the HTTP peer and TLS are rows; the
/// client's settings (its driver, patience, retries), downloads and uploads, HTTP request patterns and the
/// killer are columns, whatever their keyword (<c>Given task "C" uses the tls driver</c> is client logic).
/// Steps that only say what the peer is (serving N bytes, answering 200 with a body) are on neither axis.
/// A phrase the library does not know falls back to its keyword: Given is transport, When is logic.
/// </summary>
internal static class MatrixAxes
{
    public const string Other = "other";

    private const string Peer = "(?:an? )?(?:evil|HTTP) peer \"[^\"]*\"";
    private const string Task = "task \"[^\"]*\"";

    private static readonly Family Setup = new(MatrixAxis.Setup, "setup");

    /// <summary>First match wins: TLS before the peer and proxy phrases it shares a subject with.</summary>
    private static readonly (Regex Phrase, Family Family)[] Phrases =
    [
        (Pattern($"^{Peer} (?:serving|answering|reading \\d+ bytes|echoing)"), Setup),
        (Pattern("^(?:a real \\S+ server|an in-memory stream|the chaos seeds) "), Setup),
        (Pattern($"^(?:{Peer}|the proxy of peer \"[^\"]*\") .*(?:\\bTLS\\b|certificate|close_notify)"), new(MatrixAxis.Transport, "TLS")),
        (Pattern("^HTTP peer "), new(MatrixAxis.Transport, "HTTP")),
        (Pattern($"^(?:the proxy of peer |{Peer} is fronted by)"), new(MatrixAxis.Transport, "toxic proxy")),
        (Pattern($"^{Peer} "), new(MatrixAxis.Transport, "TCP peer")),
        (Pattern("^stream \"[^\"]*\" "), new(MatrixAxis.Transport, "in-memory stream")),
        (Pattern($"^{Task} (?:uses the|gives up|retries|gives each)"), new(MatrixAxis.Logic, "client settings")),
        (Pattern($"^{Task} (?:downloads|uploads|reads stream|sends the line)"), new(MatrixAxis.Logic, "downloads and uploads")),
        (Pattern($"^{Task} (?:requests|posts) "), new(MatrixAxis.Logic, "HTTP requests")),
        (Pattern($"^{Task} (?:sleeps|cancels) "), new(MatrixAxis.Logic, "killer and timing")),
    ];

    /// <summary>Row families, then column families, in the order the page shows them (<see cref="Other"/> last).</summary>
    private static readonly string[] Order =
        ["TCP peer", "toxic proxy", "HTTP", "TLS", "in-memory stream", "client settings", "downloads and uploads", "HTTP requests", "killer and timing", Other];

    public static Family Of(CaseStep step)
    {
        if (step.KeywordType == StepKeywordType.Then) return new(MatrixAxis.Check, Other);
        foreach (var (phrase, family) in Phrases)
            if (phrase.IsMatch(step.SourceText)) return family;
        return new(step.KeywordType == StepKeywordType.Given ? MatrixAxis.Transport : MatrixAxis.Logic, Other);
    }

    /// <summary>Where a family sorts on the page; labels keep their first-seen order within it.</summary>
    public static int Rank(string group) => Array.IndexOf(Order, group) is var i and >= 0 ? i : Order.Length;

    private static Regex Pattern(string pattern) => new(pattern, RegexOptions.CultureInvariant);

    /// <summary>A step's axis and its family on that axis.</summary>
    public sealed record Family(MatrixAxis Axis, string Group);
}

/// <summary>Transport: a row. Logic: a column. Setup: what the peer is, on neither axis. Check: a Then step.</summary>
internal enum MatrixAxis { Transport, Logic, Setup, Check }
