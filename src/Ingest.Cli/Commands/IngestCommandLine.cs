using System.CommandLine;

namespace Ingest.Cli.Commands;

internal static class IngestCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand(
            "Ingest: an article-ingestion pipeline on Azure Functions. Drop article files into storage; get clean, "
            + "deduplicated, entity-annotated JSON out. Storage comes from AzureWebJobsStorage (default UseDevelopmentStorage=true).");
        root.Subcommands.Add(UpCommand.Create());
        root.Subcommands.Add(DropCommand.Create());
        root.Subcommands.Add(ResultsCommand.Create());
        root.Subcommands.Add(ProcessCommand.Create());
        root.Subcommands.Add(ReplayCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(HostCommand.Create());
        return root;
    }
}
