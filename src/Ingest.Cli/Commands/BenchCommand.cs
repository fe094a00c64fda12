using System.CommandLine;
using Ingest.Cli.Bench;

namespace Ingest.Cli.Commands;

/// <summary><c>ingest bench …</c>: performance measurements that need storage (the CPU-only stage benchmarks live in bench/).</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Measure throughput: the end-to-end harness (the stage benchmarks are in bench/Ingest.Benchmarks).");
        command.Subcommands.Add(E2e());
        return command;
    }

    private static Command E2e()
    {
        var articles = new Option<int>("--articles") { Description = "How many generated articles to drop.", Required = true };
        var hosts = new Option<int>("--hosts") { Description = "How many function hosts (child processes) share the work.", DefaultValueFactory = _ => 1 };
        var size = new Option<int>("--size") { Description = "Words per generated article.", DefaultValueFactory = _ => 600 };
        var rate = new Option<double?>("--rate") { Description = "Drop at this steady rate (articles/s) instead of as fast as uploads go (a backlog)." };
        var seed = new Option<int>("--seed") { Description = "Seed of the article generator.", DefaultValueFactory = _ => 20261123 };
        var timeout = new Option<int?>("--timeout") { Description = "Seconds to wait for every article to be published (default 120 + 1 per article)." };
        var ceilingSeconds = new Option<double>("--ceiling-seconds") { Description = "How long to measure the storage ceiling.", DefaultValueFactory = _ => 10 };
        var ceilingConcurrency = new Option<int>("--ceiling-concurrency") { Description = "Concurrent requests while measuring the ceiling.", DefaultValueFactory = _ => 32 };
        var configuredStorage = new Option<bool>("--configured-storage")
        {
            Description = "Use the storage in AzureWebJobsStorage instead of starting a fresh in-memory Azurite (its existing data stays; the probe adds a bench-probe container, queue and table).",
        };
        var deleteSources = new Option<bool>("--delete-sources")
        {
            Description = "Delete each source from incoming once its outcome is read, as a retention rule would: keeps the container small on long runs "
                + "(the blob trigger's scan and the reconcile sweep list all of it, and Azurite's listing cost grows with the container).",
        };
        var batchSize = new Option<int?>("--batch-size") { Description = "Override host.json queues batchSize for this run." };
        var newBatchThreshold = new Option<int?>("--new-batch-threshold") { Description = "Override host.json queues newBatchThreshold for this run." };
        var maxPolling = new Option<int?>("--max-polling-ms") { Description = "Override host.json queues maxPollingInterval (milliseconds) for this run." };
        var command = new Command("e2e",
            "Drop generated articles into a fresh Azurite served by H hosts; report throughput, drop-to-published latency, storage "
            + "requests per article, CPU and memory per host, and the storage ceiling for the same request mix. "
            + "Last line: throughput <x> articles/s, p95 <y> ms, <z> % of ceiling.")
        {
            articles, hosts, size, rate, seed, timeout, ceilingSeconds, ceilingConcurrency, configuredStorage, deleteSources, batchSize, newBatchThreshold, maxPolling,
        };
        command.SetAction(async (parse, ct) =>
        {
            var n = parse.GetValue(articles);
            var settings = new E2eBenchSettings(
                n,
                parse.GetValue(hosts),
                parse.GetValue(size),
                parse.GetValue(rate),
                parse.GetValue(seed),
                TimeSpan.FromSeconds(parse.GetValue(timeout) ?? 120 + n),
                TimeSpan.FromSeconds(parse.GetValue(ceilingSeconds)),
                parse.GetValue(ceilingConcurrency),
                parse.GetValue(configuredStorage),
                parse.GetValue(deleteSources),
                new HostTuning(parse.GetValue(batchSize), parse.GetValue(newBatchThreshold), parse.GetValue(maxPolling)));
            if (settings.Validate() is { } problem)
            {
                return CliContext.Error(problem, CliContext.UsageError);
            }
            // Without this the runtime's default SIGTERM exit left the harness's host processes running.
            using var stop = new StopSignal(ct);
            return await E2eBench.RunAsync(settings, stop.Token);
        });
        return command;
    }
}
