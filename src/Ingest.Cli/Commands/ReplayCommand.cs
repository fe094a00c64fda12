using System.CommandLine;
using Ingest.Core.Articles;
using Ingest.Core.Configuration;
using Ingest.Core.Pipeline;
using Ingest.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Ingest.Cli.Commands;

/// <summary>
/// <c>ingest replay</c>: sends records back through the chain (failed ones after the cause is fixed, rejected ones
/// after a cleaner change). This command runs the clean stage itself; a running host (<c>ingest up</c> or the
/// deployed app) carries each article through the remaining stages, and its new outcome replaces the old record.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var status = new Option<string?>("--status") { Description = "Replay every record with this outcome: failed or rejected." };
        status.AcceptOnlyFromAmong(ArticleStatus.Failed, ArticleStatus.Rejected);
        var ids = new Option<string[]>("--id") { Description = "Replay these records (article ids; repeat the option for several).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("replay", "Send failed or rejected records back through the chain; the new outcome replaces each record.") { status, ids };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(status), parse.GetValue(ids) ?? [], ct));
        return command;
    }

    private static async Task<int> RunAsync(string? status, string[] ids, CancellationToken cancellationToken)
    {
        if (status is null && ids.Length == 0)
        {
            return CliContext.Error("Say what to replay: --status failed, --status rejected, or --id ID (see ./ingest results).", CliContext.UsageError);
        }
        if (ids.FirstOrDefault(id => !ArticleId.IsValid(id)) is { } bad)
        {
            return CliContext.Error($"'{bad}' is not an article id (32 lowercase hex digits, as ./ingest results --json shows).", CliContext.UsageError);
        }
        if (await CliContext.CheckStorageReachableAsync(cancellationToken) is { } unreachable)
        {
            return CliContext.Error(unreachable);
        }

        await using var services = new ServiceCollection().AddLogging().AddIngestChain(CliContext.Configuration).BuildServiceProvider();
        var queries = services.GetRequiredService<ArticleQueries>();
        var replayer = services.GetRequiredService<ArticleReplayer>();

        var records = new List<ProcessedDocument>();
        if (status is not null)
        {
            records.AddRange(await queries.FindAsync(new ArticleQuery(Status: status), cancellationToken));
        }
        foreach (var id in ids)
        {
            if (await queries.GetAsync(id, cancellationToken) is { } record)
            {
                records.Add(record);
            }
            else
            {
                CliContext.Error($"No published record has id {id}; it is skipped.");
            }
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("Id", "Source", "Was", "Replay");
        var started = 0;
        foreach (var record in records.DistinctBy(r => r.Id))
        {
            var outcome = await replayer.ReplayAsync(record, cancellationToken);
            started += outcome.Started ? 1 : 0;
            table.AddRow(outcome.ArticleId[..8], Markup.Escape(outcome.SourceName), outcome.PreviousStatus, Markup.Escape(outcome.Detail));
        }
        if (records.Count > 0)
        {
            AnsiConsole.Write(table);
        }
        AnsiConsole.MarkupLine($"Replayed {started} record(s). A running host (./ingest up) finishes them; watch ./ingest results.");
        return CliContext.Success;
    }
}
