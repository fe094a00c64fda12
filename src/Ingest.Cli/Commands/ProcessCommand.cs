using System.CommandLine;
using Ingest.Core.Articles;
using Ingest.Core.Configuration;
using Ingest.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Ingest.Cli.Commands;

/// <summary>
/// <c>ingest process PATH...</c>: the same chain in this process on local files, with an in-memory dedup
/// index and no storage. Files in the order given; a folder's files in ordinal order of their relative path.
/// </summary>
internal static class ProcessCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files or folders to process (folders recursively).", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print a JSON array of v1 documents instead of a table." };
        var command = new Command("process", "Run the pipeline on local files without storage, for trying it out and for evaluation.") { paths, json };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(paths)!, parse.GetValue(json), ct));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, bool json, CancellationToken cancellationToken)
    {
        IReadOnlyList<(string File, string BlobName)> files;
        try
        {
            files = DropCommand.Expand(paths);
        }
        catch (FileNotFoundException ex)
        {
            return CliContext.Error(ex.Message, CliContext.UsageError);
        }

        await using var services = new ServiceCollection().AddLogging().AddIngestProcessing(CliContext.Configuration).BuildServiceProvider();
        var chain = services.GetRequiredService<InProcessChain>();

        var documents = new List<ProcessedDocument>(files.Count);
        foreach (var (file, _) in files)
        {
            // source.name is the file name, as the issue of `ingest process` asks, whatever folder it came from.
            documents.Add(await chain.ProcessFileAsync(file, Path.GetFileName(file), cancellationToken));
        }

        if (json)
        {
            Console.Out.Write(DocumentJson.SerializeList(documents));
            Console.Out.WriteLine();
            return CliContext.Success;
        }
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Status", "Source", "Title / reason", "Entities");
        foreach (var d in documents)
        {
            var detail = d.Status switch
            {
                ArticleStatus.Duplicate => $"{d.Dedup?.Kind} duplicate of {documents.FirstOrDefault(x => x.Id == d.Dedup?.DuplicateOf)?.Source.Name}",
                ArticleStatus.Rejected => $"{d.Rejection?.Code}: {d.Rejection?.Message}",
                _ => d.Article?.Title ?? "",
            };
            table.AddRow(d.Status, Markup.Escape(d.Source.Name), Markup.Escape(detail),
                Markup.Escape(string.Join(", ", d.EntitySummary.Take(5).Select(e => $"{e.Canonical} ({e.Category})"))));
        }
        AnsiConsole.Write(table);
        return CliContext.Success;
    }
}
