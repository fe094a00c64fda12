using System.CommandLine;
using System.Globalization;
using Ingest.Core.Articles;
using Ingest.Core.Storage;
using Spectre.Console;

namespace Ingest.Cli.Commands;

/// <summary><c>ingest results</c>: published outcomes from Table storage, as a table or as v1 JSON documents.</summary>
internal static class ResultsCommand
{
    public static Command Create()
    {
        var status = new Option<string?>("--status") { Description = "Only records with this outcome: processed, duplicate, rejected or failed." };
        status.AcceptOnlyFromAmong([.. ArticleStatus.All]);
        var entity = new Option<string?>("--entity") { Description = "Only articles that mention this entity (its canonical name, any case)." };
        var since = new Option<string?>("--since") { Description = "Only records processed since this time: ISO 8601 (2026-11-23T10:00Z) or a duration ago (30m, 2h, 1d)." };
        var json = new Option<bool>("--json") { Description = "Print a JSON array of v1 documents instead of a table." };
        var command = new Command("results", "Show published outcomes: processed, duplicate, rejected and failed records.") { status, entity, since, json };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(status), parse.GetValue(entity), parse.GetValue(since), parse.GetValue(json), ct));
        return command;
    }

    internal static bool TryParseSince(string text, DateTimeOffset now, out DateTimeOffset since)
    {
        since = default;
        if (text.Length >= 2 && char.IsDigit(text[0]) && "smhd".Contains(text[^1])
            && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
        {
            since = now - text[^1] switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
            return true;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out since);
    }

    private static async Task<int> RunAsync(string? status, string? entity, string? sinceText, bool json, CancellationToken cancellationToken)
    {
        DateTimeOffset? since = null;
        if (sinceText is not null)
        {
            if (!TryParseSince(sinceText, DateTimeOffset.UtcNow, out var parsed))
            {
                return CliContext.Error($"--since '{sinceText}' is neither an ISO 8601 time nor a duration like 30m, 2h or 1d.", CliContext.UsageError);
            }
            since = parsed;
        }
        if (await CliContext.CheckStorageReachableAsync(cancellationToken) is { } unreachable)
        {
            return CliContext.Error(unreachable);
        }

        var queries = new ArticleQueries(new StorageClients(CliContext.StorageOptions), TimeProvider.System);
        var documents = await queries.FindAsync(new ArticleQuery(status, entity, since), cancellationToken);
        if (json)
        {
            Console.Out.Write(DocumentJson.SerializeList(documents));
            Console.Out.WriteLine();
            return CliContext.Success;
        }

        if (documents.Count == 0)
        {
            AnsiConsole.MarkupLine("[grey]No records yet.[/] Drop files with [bold]./ingest drop PATH[/] while [bold]./ingest up[/] runs.");
            return CliContext.Success;
        }
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("Status", "Id", "Source", "Title / reason", "Entities", "Processed (UTC)");
        foreach (var d in documents)
        {
            var colour = d.Status switch
            {
                ArticleStatus.Processed => "green",
                ArticleStatus.Duplicate => "yellow",
                ArticleStatus.Rejected => "red",
                _ => "maroon",
            };
            var detail = d.Status switch
            {
                ArticleStatus.Duplicate => $"{d.Dedup?.Kind} duplicate of {d.Dedup?.DuplicateOf?[..8]}",
                ArticleStatus.Rejected => $"{d.Rejection?.Code}: {d.Rejection?.Message}",
                ArticleStatus.Failed => $"{d.Failure?.Stage}: {d.Failure?.Error}",
                _ => d.Article?.Title ?? "",
            };
            var entities = string.Join(", ", d.EntitySummary.Take(4).Select(e => e.Canonical));
            table.AddRow(
                $"[{colour}]{d.Status}[/]",
                d.Id[..8],
                Markup.Escape(d.Source.Name),
                Markup.Escape(Truncate(detail, 70)),
                Markup.Escape(Truncate(entities, 50)),
                d.ProcessedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss") ?? "");
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"[grey]{documents.Count} record(s). Full documents: ./ingest results --json[/]");
        return CliContext.Success;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
