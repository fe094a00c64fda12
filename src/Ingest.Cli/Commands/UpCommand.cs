using System.CommandLine;
using Ingest.Cli.Local;
using Ingest.Core.Storage;
using Ingest.Functions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Spectre.Console;

namespace Ingest.Cli.Commands;

/// <summary>
/// <c>ingest up</c>: starts Azurite when the configured storage is local and nothing answers there, then
/// hosts the functions on the WebJobs JobHost until Ctrl+C or SIGTERM, and stops what it started.
/// </summary>
internal static class UpCommand
{
    public static Command Create()
    {
        var noEmulator = new Option<bool>("--no-emulator")
        {
            Description = "Never start Azurite, even when the configured local emulator is not running.",
        };
        var command = new Command("up", "Run the pipeline locally: start Azurite if needed, then host the functions until Ctrl+C.")
        {
            noEmulator,
        };
        command.SetAction(async (parse, ct) =>
        {
            // Ctrl+C and SIGTERM (docker stop, systemd, timeout) both mean "stop cleanly": cancel the run so
            // the host stops and the Azurite this command started is shut down with it.
            using var stop = new StopSignal(ct);
            return await RunAsync(parse.GetValue(noEmulator), stop.Token);
        });
        return command;
    }

    private static async Task<int> RunAsync(bool noEmulator, CancellationToken cancellationToken)
    {
        RepositoryLayout layout;
        HostJsonSettings settings;
        try
        {
            layout = RepositoryLayout.Locate();
            settings = HostJsonSettings.Load(layout.HostJson);
        }
        catch (InvalidOperationException ex)
        {
            return CliContext.Error(ex.Message);
        }

        var options = CliContext.StorageOptions;
        if (options.UsesIdentity)
        {
            return CliContext.Error("ingest up needs AzureWebJobsStorage as a connection string: the triggers of storage extension 4.x "
                + "cannot use identity-based connections (the other commands can).", CliContext.UsageError);
        }
        var connectionString = options.ConnectionString!;
        AzuriteServer? azurite = null;
        try
        {
            if (StorageEndpoints.IsEmulator(options) && StorageEndpoints.BlobEndpoint(options) is { } blob
                && !await AzuriteServer.IsListeningAsync(blob.Host, blob.Port, cancellationToken))
            {
                if (noEmulator)
                {
                    return CliContext.Error($"Nothing answers at {blob} and --no-emulator was given. Start your storage emulator first.");
                }
                var ports = (Blob: blob.Port,
                    Queue: StorageEndpoints.ServiceEndpoint(connectionString, "Queue", 10001)?.Port ?? 10001,
                    Table: StorageEndpoints.ServiceEndpoint(connectionString, "Table", 10002)?.Port ?? 10002);
                AnsiConsole.MarkupLine($"[grey]Starting Azurite on ports {ports.Blob}/{ports.Queue}/{ports.Table}, data in {Markup.Escape(layout.AzuriteDataFolder)}…[/]");
                azurite = await AzuriteServer.StartAsync(layout, ports.Blob, ports.Queue, ports.Table, layout.AzuriteDataFolder, cancellationToken);
            }

            using var loggerFactory = LoggerFactory.Create(ConfigureConsoleLogging);
            // Storage that goes away (Azurite stopped, network down) fails the job host; the supervisor restarts it as
            // the Functions host would, so `ingest up` outlives an outage and catches up when storage is back.
            var supervisor = LocalFunctionHost.Supervised(connectionString, settings, loggerFactory, ConfigureConsoleLogging);
            var startedEmulator = azurite is not null;
            using (cancellationToken.Register(() => AnsiConsole.MarkupLine("[grey]Stopping…[/]")))
            {
                await supervisor.RunAsync(() => PrintBanner(connectionString, startedEmulator, settings), cancellationToken);
            }
            return CliContext.Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return CliContext.Success;
        }
        catch (Exception ex) when (ex is InvalidOperationException or Microsoft.Extensions.Options.OptionsValidationException)
        {
            return CliContext.Error(ex.Message);
        }
        finally
        {
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
                AnsiConsole.MarkupLine("[grey]Azurite stopped.[/]");
            }
        }
    }

    private static void ConfigureConsoleLogging(ILoggingBuilder logging)
    {
        logging.AddConsole(o => o.FormatterName = OutcomeLineFormatter.FormatterName)
            .AddConsoleFormatter<OutcomeLineFormatter, ConsoleFormatterOptions>();
        // One line per outcome from the pipeline; the trigger engine only speaks up when something is wrong.
        logging.SetMinimumLevel(LogLevel.Warning);
        logging.AddFilter("Ingest.Core.Storage.TableOutcomePublisher", LogLevel.Information);
        logging.AddFilter("Ingest", LogLevel.Warning);
        logging.AddFilter("Azure.Core", LogLevel.Error);
    }

    private static void PrintBanner(string connectionString, bool startedEmulator, HostJsonSettings settings)
    {
        var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumns("", "");
        table.AddRow("Storage", Markup.Escape(DescribeStorage(connectionString)) + (startedEmulator ? " [grey](Azurite started by ingest up)[/]" : ""));
        table.AddRow("Functions", string.Join(", ",
            FunctionNames.CleanArticle, FunctionNames.CleanRequestedArticle, FunctionNames.DeduplicateArticle, FunctionNames.RecognizeEntities,
            FunctionNames.PublishOutcome, FunctionNames.ReconcileIncoming, FunctionNames.ExpireDedupEntries, "5 poison-queue drains"));
        table.AddRow("Drop files into", $"container [bold]{ChainNames.IncomingContainer}[/]  (./ingest drop PATH…)");
        table.AddRow("Read results", "./ingest results   ·   ./ingest results --json");
        table.AddRow("Queues", $"batch {settings.BatchSize}, max dequeue {settings.MaxDequeueCount}, polling ≤ {settings.MaxPollingInterval.TotalSeconds:0.#} s");
        AnsiConsole.Write(new Panel(table).Header("[green]Ingest is running[/] — Ctrl+C to stop"));
    }

    private static string DescribeStorage(string connectionString) =>
        StorageEndpoints.ServiceEndpoint(connectionString, "Blob", 10000) is { } blob ? blob.GetLeftPart(UriPartial.Authority) : "(account from connection string)";
}
