using System.CommandLine;
using Ingest.Cli.Bench;
using Ingest.Cli.Local;
using Ingest.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ingest.Cli.Commands;

/// <summary>
/// <c>ingest host</c> (hidden): one function host as a child process of <c>ingest bench e2e</c>, so the harness can read
/// its CPU time and peak memory from /proc. It counts every storage request it sends and writes the counts to a file
/// when it is stopped with SIGTERM or SIGINT. A <see cref="ManagedHeapReading.Request"/> line on stdin makes it answer
/// with its managed heap after a full collection (one line on stdout).
/// </summary>
internal static class HostCommand
{
    public const string ReadyLine = "ingest host: ready";

    public static Command Create()
    {
        var countsFile = new Option<FileInfo>("--counts-file") { Description = "Where to write the storage request counts on shutdown.", Required = true };
        var batchSize = new Option<int?>("--batch-size") { Description = "Overrides host.json extensions.queues.batchSize." };
        var newBatchThreshold = new Option<int?>("--new-batch-threshold") { Description = "Overrides host.json extensions.queues.newBatchThreshold." };
        var maxPolling = new Option<int?>("--max-polling-ms") { Description = "Overrides host.json extensions.queues.maxPollingInterval, in milliseconds." };
        var command = new Command("host", "Run one function host for the throughput harness (used by ingest bench e2e).")
        {
            countsFile, batchSize, newBatchThreshold, maxPolling,
        };
        command.Hidden = true;
        command.SetAction(async (parse, ct) =>
        {
            using var stop = new StopSignal(ct);
            var overrides = new HostTuning(parse.GetValue(batchSize), parse.GetValue(newBatchThreshold), parse.GetValue(maxPolling));
            return await RunAsync(parse.GetValue(countsFile)!.FullName, overrides, stop.Token);
        });
        return command;
    }

    private static void ConfigureLogging(ILoggingBuilder logging) =>
        logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning).AddFilter("Azure.Core", LogLevel.Error);

    private static async Task<int> RunAsync(string countsFile, HostTuning tuning, CancellationToken stopToken)
    {
        HostJsonSettings settings;
        try
        {
            settings = tuning.ApplyTo(HostJsonSettings.Load(RepositoryLayout.Locate().HostJson));
        }
        catch (InvalidOperationException ex)
        {
            return CliContext.Error(ex.Message, CliContext.UsageError);
        }
        var options = CliContext.StorageOptions;
        if (options.UsesIdentity)
        {
            return CliContext.Error("ingest host needs AzureWebJobsStorage as a connection string (storage extension 4.x triggers).", CliContext.UsageError);
        }
        var connectionString = options.ConnectionString!;
        var endpoints = new StorageEndpoints(
            StorageEndpoints.ServiceEndpoint(connectionString, "Blob", 10000) ?? throw new InvalidOperationException("No blob endpoint."),
            StorageEndpoints.ServiceEndpoint(connectionString, "Queue", 10001) ?? throw new InvalidOperationException("No queue endpoint."),
            StorageEndpoints.ServiceEndpoint(connectionString, "Table", 10002) ?? throw new InvalidOperationException("No table endpoint."));

        var pipelineRequests = new StorageRequestCounter();
        var allRequests = new StorageRequestCounter();
        using var processCounter = new ProcessHttpRequestCounter(allRequests, endpoints);
        // Not awaited: a read blocked on stdin must not hold up shutdown, and the loop ends by itself when stdin closes.
        _ = Task.Run(() => AnswerHeapRequestsAsync(stopToken), CancellationToken.None);
        try
        {
            // Under the same supervisor as `ingest up`: a fault WebJobs hands to its exception handler (a lease renewal
            // that comes late under a deep backlog, storage gone for a moment) restarts the job host instead of ending
            // this process, which would leave the harness waiting for articles nobody processes.
            using var loggerFactory = LoggerFactory.Create(ConfigureLogging);
            var supervisor = LocalFunctionHost.Supervised(connectionString, settings, loggerFactory, ConfigureLogging,
                configureServices: services => services.AddSingleton(pipelineRequests));
            await supervisor.RunAsync(() => Console.WriteLine(ReadyLine), stopToken);
        }
        catch (OperationCanceledException) when (stopToken.IsCancellationRequested)
        {
            // Stopped during start-up: still report what was sent.
        }
        catch (Exception ex) when (ex is InvalidOperationException or Microsoft.Extensions.Options.OptionsValidationException)
        {
            return CliContext.Error(ex.Message);
        }
        await new HostRequestReport(pipelineRequests.Snapshot(), allRequests.Snapshot()).WriteAsync(countsFile, CancellationToken.None);
        return CliContext.Success;
    }

    private static async Task AnswerHeapRequestsAsync(CancellationToken stopToken)
    {
        try
        {
            while (await Console.In.ReadLineAsync(stopToken) is { } line)
            {
                if (line.Trim() == ManagedHeapReading.Request)
                {
                    Console.WriteLine(ManagedHeapReading.MeasureAfterFullCollection().ToLine());
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}

/// <summary>host.json queue settings a benchmark run overrides, so settings can be compared back to back without editing the file.</summary>
internal sealed record HostTuning(int? BatchSize, int? NewBatchThreshold, int? MaxPollingMilliseconds)
{
    public HostJsonSettings ApplyTo(HostJsonSettings settings) => settings with
    {
        BatchSize = BatchSize ?? settings.BatchSize,
        NewBatchThreshold = NewBatchThreshold ?? settings.NewBatchThreshold,
        MaxPollingInterval = MaxPollingMilliseconds is { } ms ? TimeSpan.FromMilliseconds(ms) : settings.MaxPollingInterval,
    };

    public IEnumerable<string> ToArguments()
    {
        if (BatchSize is { } batch)
        {
            yield return "--batch-size";
            yield return batch.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (NewBatchThreshold is { } threshold)
        {
            yield return "--new-batch-threshold";
            yield return threshold.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (MaxPollingMilliseconds is { } polling)
        {
            yield return "--max-polling-ms";
            yield return polling.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
