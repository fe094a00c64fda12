using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Azure.Storage.Blobs;
using Ingest.Cli.Commands;
using Ingest.Cli.Local;
using Ingest.Core.Storage;

namespace Ingest.Cli.Bench;

internal sealed record E2eBenchSettings(
    int Articles,
    int Hosts,
    int Words,
    double? DropRate,
    int Seed,
    TimeSpan Timeout,
    TimeSpan CeilingDuration,
    int CeilingConcurrency,
    bool UseConfiguredStorage,
    bool DeleteSources,
    HostTuning Tuning)
{
    public string? Validate() =>
        Articles < 1 ? "--articles must be at least 1."
        : Hosts is < 1 or > 16 ? "--hosts must be between 1 and 16."
        : Words is < 20 or > 100_000 ? "--size must be between 20 and 100000 words."
        : DropRate is <= 0 ? "--rate must be positive."
        : Timeout <= TimeSpan.Zero ? "--timeout must be positive."
        : CeilingDuration <= TimeSpan.Zero ? "--ceiling-seconds must be positive."
        : CeilingConcurrency is < 1 or > 256 ? "--ceiling-concurrency must be between 1 and 256."
        : Tuning.BatchSize is < 1 or > 32 ? "--batch-size must be between 1 and 32 (the queue service returns at most 32 messages)."
        : Tuning.NewBatchThreshold is < 0 ? "--new-batch-threshold must not be negative."
        : Tuning.MaxPollingMilliseconds is < 100 ? "--max-polling-ms must be at least 100."
        : null;
}

/// <summary>
/// <c>ingest bench e2e</c>: the end-to-end throughput harness. Starts storage (a fresh in-memory Azurite unless told to
/// use the configured account) and H <c>ingest host</c> child processes, drops N generated articles into
/// <c>incoming</c>, follows the <c>articles-processed</c> notifications, then stops the hosts, collects their request
/// counts and measures the storage ceiling for the same request mix.
/// </summary>
internal static class E2eBench
{
    private static readonly TimeSpan HostStartTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan HostStopTimeout = TimeSpan.FromSeconds(60);
    /// <summary>
    /// No article published for this long, with all of them dropped, means the hosts are stuck (restarting in a loop,
    /// or storage gone): waiting out a long --timeout would only hide it. Even a 10,000-article backlog publishes
    /// several articles a second here.
    /// </summary>
    private static readonly TimeSpan StallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMinutes(1);

    public static async Task<int> RunAsync(E2eBenchSettings settings, CancellationToken cancellationToken)
    {
        AzuriteServer? azurite = null;
        var hosts = new List<BenchHostProcess>();
        var workFolder = Path.Combine(Path.GetTempPath(), $"ingest-bench-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            var layout = RepositoryLayout.Locate();
            string connectionString;
            if (settings.UseConfiguredStorage)
            {
                var options = CliContext.StorageOptions;
                if (options.UsesIdentity)
                {
                    return CliContext.Error("bench e2e needs AzureWebJobsStorage as a connection string: the hosts' triggers (storage extension 4.x) cannot use identity.", CliContext.UsageError);
                }
                if (await CliContext.CheckStorageReachableAsync(cancellationToken) is { } unreachable)
                {
                    return CliContext.Error(unreachable);
                }
                connectionString = options.ConnectionString!;
            }
            else
            {
                azurite = await AzuriteServer.StartAsync(layout, 0, 0, 0, dataFolder: null, cancellationToken);
                connectionString = azurite.ConnectionString;
            }
            Directory.CreateDirectory(workFolder);
            var clients = new StorageClients(new StorageOptions { ConnectionString = connectionString });
            await clients.EnsureChainResourcesAsync(cancellationToken);

            Console.WriteLine(F($"bench e2e: {settings.Articles} articles of ~{settings.Words} words, {settings.Hosts} host(s), ")
                + (settings.DropRate is { } r ? F($"dropped at {r:0.##}/s") : "dropped as a backlog")
                + $", storage {(azurite is null ? "from AzureWebJobsStorage" : "a fresh in-memory Azurite")}, "
                + $"host.json {Describe(settings.Tuning, HostJsonSettings.Load(layout.HostJson))}, "
                // The hosts read the sweep settings from the environment they inherit; print them, they change the request count.
                + $"reconcile sweep '{Environment.GetEnvironmentVariable("Ingest__ReconcileSchedule") ?? LocalFunctionHost.LocalReconcileSchedule}' "
                + $"grace {Environment.GetEnvironmentVariable("Ingest__ReconcileGrace") ?? LocalFunctionHost.LocalReconcileGrace}, "
                + $"dedup cleanup '{Environment.GetEnvironmentVariable("Ingest__DedupCleanupSchedule") ?? LocalFunctionHost.LocalDedupCleanupSchedule}'"
                + (settings.DeleteSources ? ", each source deleted once its outcome is read" : ""));

            var environment = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < settings.Hosts; i++)
            {
                hosts.Add(BenchHostProcess.Start(connectionString, layout, Path.Combine(workFolder, $"host-{i}.json"), settings.Tuning, environment));
            }
            await Task.WhenAll(hosts.Select(h => h.WaitUntilReadyAsync(HostStartTimeout, cancellationToken)));
            var cpuAtReady = hosts.Select(h => h.CpuTime()).ToArray();
            Console.WriteLine($"bench e2e: hosts ready (pid {string.Join(", ", hosts.Select(h => h.Id))}), dropping");

            var run = await DropAndFollowAsync(settings, clients, hosts, cancellationToken);
            if (run.Abort is { } abort)
            {
                return CliContext.Error(string.Create(CultureInfo.InvariantCulture,
                    $"{abort} after {run.Published.Count} of {settings.Articles} articles were published (outcomes so far: {DescribeStatuses(run.Statuses)}).")
                    + string.Concat(hosts.Select(h => $"{Environment.NewLine}--- last lines of ingest host {h.Id}:{Environment.NewLine}{h.LastOutput(30)}")));
            }

            var cpuAtEnd = hosts.Select(h => h.CpuTime()).ToArray();
            var peakMemory = hosts.Select(h => h.PeakMemoryBytes()).ToArray();
            await Task.WhenAll(hosts.Select(h => h.StopAsync(HostStopTimeout)));
            var reports = new List<HostRequestReport>();
            foreach (var host in hosts)
            {
                reports.Add(await HostRequestReport.ReadAsync(host.CountsFile, cancellationToken));
            }

            if (run.Published.Count < settings.Articles)
            {
                return CliContext.Error(string.Create(CultureInfo.InvariantCulture,
                    $"only {run.Published.Count} of {settings.Articles} articles were published within {settings.Timeout.TotalSeconds:0} s "
                    + $"(outcomes so far: {DescribeStatuses(run.Statuses)}). Raise --timeout, or look at the hosts' errors with ./ingest results."));
            }

            var all = Sum(reports.Select(r => r.All));
            var pipeline = Sum(reports.Select(r => r.Pipeline));
            var probe = new StorageCeilingProbe(clients, Encoding.UTF8.GetByteCount(new BenchArticleGenerator(settings.Seed, settings.Words).TextOf(0)));
            var ceiling = await probe.MeasureAsync(all, settings.CeilingConcurrency, settings.CeilingDuration, cancellationToken);

            Print(settings, run, all, pipeline, ceiling, cpuAtReady, cpuAtEnd, peakMemory);
            return CliContext.Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return CliContext.Error("bench e2e was cancelled.");
        }
        catch (InvalidOperationException ex)
        {
            return CliContext.Error(ex.Message);
        }
        catch (Azure.RequestFailedException ex)
        {
            return CliContext.Error($"storage refused a request of the harness: {ex.Status} {ex.ErrorCode}: {ex.Message}");
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException or IOException)
        {
            // Timeouts of storage calls surface as cancellations the user did not ask for: report them, never exit silently.
            return CliContext.Error($"bench e2e stopped: {ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }
            if (Directory.Exists(workFolder))
            {
                Directory.Delete(workFolder, recursive: true);
            }
        }
    }

    private sealed record RunResult(
        TimeSpan FirstDropStarted,
        TimeSpan LastDropped,
        IReadOnlyDictionary<int, TimeSpan> Dropped,
        IReadOnlyDictionary<int, TimeSpan> Published,
        IReadOnlyDictionary<string, int> Statuses,
        IReadOnlyList<MemorySample> Memory,
        IReadOnlyList<HeapSample> Heap,
        string? Abort);

    private sealed record MemorySample(int Published, long[] ResidentBytes);

    /// <summary>Each host's managed heap after a full collection when the run reached <paramref name="Tenth"/>/10 published.</summary>
    private sealed record HeapSample(int Tenth, ManagedHeapReading?[] Readings);

    private static readonly TimeSpan HeapReadingTimeout = TimeSpan.FromSeconds(30);

    private static async Task<RunResult> DropAndFollowAsync(E2eBenchSettings settings, StorageClients clients,
        IReadOnlyList<BenchHostProcess> hosts, CancellationToken cancellationToken)
    {
        var prefix = $"bench-{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..6]}/";
        var generator = new BenchArticleGenerator(settings.Seed, settings.Words);
        var dropped = new ConcurrentDictionary<int, TimeSpan>();
        var published = new ConcurrentDictionary<int, TimeSpan>();
        var statuses = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var memory = new List<MemorySample>();
        var heap = new List<HeapSample>();
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(settings.Timeout);

        // With --delete-sources the harness plays a retention rule on incoming: each source goes once its outcome is read, so
        // the container (which the 4.x trigger's scan and the reconcile sweep list in full) stays as small as the work in flight.
        var sourcesToDelete = settings.DeleteSources ? Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true }) : null;
        var deleteSources = sourcesToDelete is null
            ? Task.CompletedTask
            : Task.Run(() => DeleteSourcesAsync(clients.Container(ChainNames.IncomingContainer), sourcesToDelete.Reader, stop.Token), stop.Token);
        var follow = Task.Run(async () =>
        {
            try
            {
                await FollowNotificationsAsync(clients, prefix, settings.Articles, clock, published, statuses, sourcesToDelete?.Writer, stop.Token).ConfigureAwait(false);
            }
            finally
            {
                sourcesToDelete?.Writer.TryComplete();
            }
        }, stop.Token);
        var sample = Task.Run(async () =>
        {
            var nextProgress = clock.Elapsed + ProgressInterval;
            var nextTenth = 1;
            // RSS alone cannot tell memory the hosts still reference from garbage not yet collected, so at each tenth of
            // the run every host also reports its managed heap after a full collection.
            async Task ReadHeapsUpToAsync(int published)
            {
                for (; nextTenth <= 10 && published >= (long)settings.Articles * nextTenth / 10; nextTenth++)
                {
                    var readings = await Task.WhenAll(hosts.Select(h => h.MeasureManagedHeapAsync(HeapReadingTimeout, stop.Token))).ConfigureAwait(false);
                    heap.Add(new HeapSample(nextTenth, readings));
                }
            }
            while (!follow.IsCompleted)
            {
                var current = new MemorySample(published.Count, hosts.Select(h => h.ResidentMemoryBytes()).ToArray());
                memory.Add(current);
                await ReadHeapsUpToAsync(current.Published).ConfigureAwait(false);
                if (clock.Elapsed >= nextProgress)
                {
                    // A long run is otherwise silent until its report; on stderr so the report on stdout stays clean.
                    Console.Error.WriteLine(F($"{DateTime.UtcNow:HH:mm:ss} published {current.Published} of {settings.Articles}, dropped {dropped.Count}; host RSS ")
                        + string.Join(" / ", current.ResidentBytes.Select(b => (b / 1048576.0).ToString("0", CultureInfo.InvariantCulture))) + " MB");
                    nextProgress += ProgressInterval;
                }
                await Task.WhenAny(follow, Task.Delay(TimeSpan.FromSeconds(1), stop.Token)).ConfigureAwait(false);
            }
            memory.Add(new MemorySample(published.Count, hosts.Select(h => h.ResidentMemoryBytes()).ToArray()));
            await ReadHeapsUpToAsync(published.Count).ConfigureAwait(false);
        }, stop.Token);

        // Fail fast: a host that exits, or a run that stops publishing, ends the run with the reason instead of a silent wait.
        string? abort = null;
        var droppedAll = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var watchdog = Task.Run(async () =>
        {
            var anyExit = Task.WhenAny(hosts.Select(h => h.Exited));
            var lastCount = -1;
            var lastProgress = clock.Elapsed;
            while (!follow.IsCompleted && !stop.IsCancellationRequested)
            {
                await Task.WhenAny(anyExit, follow, Task.Delay(TimeSpan.FromSeconds(5), stop.Token)).ConfigureAwait(false);
                if (anyExit.IsCompleted && !follow.IsCompleted)
                {
                    var dead = hosts.First(h => h.Exited.IsCompleted);
                    abort = $"ingest host {dead.Id} exited with {dead.Exited.Result} during the run";
                }
                else if (published.Count != lastCount || !droppedAll.Task.IsCompleted)
                {
                    (lastCount, lastProgress) = (published.Count, clock.Elapsed);
                }
                else if (clock.Elapsed - lastProgress >= StallTimeout)
                {
                    abort = $"no article was published for {StallTimeout.TotalMinutes:0} minutes (the hosts are running but stuck)";
                }
                if (abort is not null)
                {
                    await stop.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }, CancellationToken.None);

        var incoming = clients.Container(ChainNames.IncomingContainer);
        var firstDrop = clock.Elapsed;
        async ValueTask DropAsync(int index, CancellationToken ct)
        {
            await incoming.GetBlobClient($"{prefix}{index:D6}.txt").UploadAsync(BinaryData.FromString(generator.TextOf(index)), ct).ConfigureAwait(false);
            dropped[index] = clock.Elapsed;
        }
        async Task DropAllAsync()
        {
            if (settings.DropRate is { } rate)
            {
                // A steady rate: the i-th upload starts at i / rate seconds, whatever the previous ones are doing.
                var uploads = new List<Task>();
                for (var i = 0; i < settings.Articles; i++)
                {
                    var due = firstDrop + TimeSpan.FromSeconds(i / rate);
                    if (due > clock.Elapsed)
                    {
                        await Task.Delay(due - clock.Elapsed, stop.Token).ConfigureAwait(false);
                    }
                    uploads.Add(DropAsync(i, stop.Token).AsTask());
                }
                await Task.WhenAll(uploads).ConfigureAwait(false);
            }
            else
            {
                await Parallel.ForEachAsync(Enumerable.Range(0, settings.Articles),
                    new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = stop.Token }, DropAsync).ConfigureAwait(false);
            }
        }
        try
        {
            await DropAllAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (abort is not null && !cancellationToken.IsCancellationRequested)
        {
            // The watchdog stopped the run: its reason is reported below.
        }
        var lastDropped = clock.Elapsed;
        droppedAll.TrySetResult();

        try
        {
            await follow.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The timeout: report what was published.
        }
        try
        {
            await sample.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
        try
        {
            await watchdog.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        try
        {
            await deleteSources.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
        return new RunResult(firstDrop, lastDropped, dropped, published, statuses, memory, heap, abort);
    }

    /// <summary>
    /// Reads the consumer notifications of this run and deletes them, as a consumer does; the receive time is the
    /// article's "published" time. Leaving them invisible instead saved a request per article but cost far more on
    /// Azurite, which finds visible messages by scanning every message of every queue: over a 10,000-article run the
    /// chain's own queue reads slowed as the notifications piled up.
    /// </summary>
    private static async Task FollowNotificationsAsync(StorageClients clients, string prefix, int expected, Stopwatch clock,
        ConcurrentDictionary<int, TimeSpan> published, ConcurrentDictionary<string, int> statuses, ChannelWriter<string>? sourcesToDelete,
        CancellationToken cancellationToken)
    {
        var queue = clients.Queue(ChainNames.ProcessedQueue);
        var deletes = new List<Task>(32);
        while (published.Count < expected)
        {
            var messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromHours(2), cancellationToken).ConfigureAwait(false)).Value;
            var now = clock.Elapsed;
            foreach (var message in messages)
            {
                ProcessedNotification? notification;
                try
                {
                    notification = ProcessedNotificationOf(message.MessageText);
                }
                catch (JsonException)
                {
                    continue;
                }
                if (notification is null || !notification.SourceName.StartsWith(prefix, StringComparison.Ordinal)
                    || !int.TryParse(Path.GetFileNameWithoutExtension(notification.SourceName[prefix.Length..]), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    continue;
                }
                if (published.TryAdd(index, now))
                {
                    statuses.AddOrUpdate(notification.Status, 1, static (_, count) => count + 1);
                    sourcesToDelete?.TryWrite(notification.SourceName);
                }
                deletes.Add(queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken));
            }
            await Task.WhenAll(deletes).ConfigureAwait(false);
            deletes.Clear();
            if (messages.Length == 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Deletes the sources named on the channel, a few at a time; one already gone is fine.</summary>
    private static async Task DeleteSourcesAsync(BlobContainerClient incoming, ChannelReader<string> names, CancellationToken cancellationToken) =>
        await Parallel.ForEachAsync(names.ReadAllAsync(cancellationToken), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (name, ct) => await incoming.DeleteBlobIfExistsAsync(name, cancellationToken: ct).ConfigureAwait(false)).ConfigureAwait(false);

    private static ProcessedNotification? ProcessedNotificationOf(string json) => Core.Pipeline.ProcessedNotification.Parse(json) is { } parsed
        ? new ProcessedNotification(parsed.Status, parsed.SourceName)
        : null;

    private sealed record ProcessedNotification(string Status, string SourceName);

    private static void Print(E2eBenchSettings settings, RunResult run, IReadOnlyDictionary<string, long> all, IReadOnlyDictionary<string, long> pipeline,
        CeilingMeasurement ceiling, TimeSpan[] cpuAtReady, TimeSpan[] cpuAtEnd, long[] peakMemory)
    {
        var n = settings.Articles;
        var lastPublished = run.Published.Values.Max();
        var elapsed = lastPublished - run.FirstDropStarted;
        var throughput = n / elapsed.TotalSeconds;
        var latencies = run.Published.Select(p => (p.Value - run.Dropped[p.Key]).TotalMilliseconds).Order().ToArray();
        var totalRequests = all.Values.Sum();
        var requestsPerArticle = (double)totalRequests / n;
        var ceilingArticles = ceiling.RequestsPerSecond / requestsPerArticle;
        var percent = 100 * throughput / ceilingArticles;

        var lines = new List<string>
        {
            F($"dropped {n} in {(run.LastDropped - run.FirstDropStarted).TotalSeconds:0.00} s; all published {elapsed.TotalSeconds:0.00} s after the first drop"),
            $"outcomes: {DescribeStatuses(run.Statuses)}",
            F($"latency drop->published (upload acknowledged -> notification read): p50 {Percentile(latencies, 50):0} ms, p95 {Percentile(latencies, 95):0} ms, p99 {Percentile(latencies, 99):0} ms, max {latencies[^1]:0} ms"),
            F($"storage requests per article (all hosts; pipeline = the chain's clients, counted by an HttpPipelinePolicy; trigger = the WebJobs trigger engine):"),
            F($"  {"kind",-16}{"pipeline",10}{"trigger",10}{"total",10}"),
        };
        foreach (var kind in all.Keys.Union(pipeline.Keys).Order(StringComparer.Ordinal))
        {
            var total = all.GetValueOrDefault(kind);
            var ours = pipeline.GetValueOrDefault(kind);
            lines.Add(F($"  {kind,-16}{(double)ours / n,10:0.00}{(double)(total - ours) / n,10:0.00}{(double)total / n,10:0.00}"));
        }
        var pipelineTotal = pipeline.Values.Sum();
        lines.Add(F($"  {"all",-16}{(double)pipelineTotal / n,10:0.00}{(double)(totalRequests - pipelineTotal) / n,10:0.00}{requestsPerArticle,10:0.00}"));
        for (var i = 0; i < cpuAtEnd.Length; i++)
        {
            lines.Add(F($"host {i + 1}: CPU {(cpuAtEnd[i] - cpuAtReady[i]).TotalSeconds:0.00} s during the run ({(cpuAtEnd[i] - cpuAtReady[i]).TotalMilliseconds / n * settings.Hosts:0.0} ms per article it served on average), ")
                + F($"{cpuAtReady[i].TotalSeconds:0.00} s start-up; peak memory (VmHWM) {peakMemory[i] / 1048576.0:0} MB"));
            // For the "memory flat over N articles" question: a leak shows as a steady climb of the live managed heap; RSS
            // adds what the GC keeps committed and native memory.
            lines.Add(F($"host {i + 1}: RSS at 10/20/…/100 % published: ")
                + string.Join(" / ", Enumerable.Range(1, 10).Select(d => RssAt(run.Memory, i, n * d / 10))) + " MB");
            lines.Add(F($"host {i + 1}: managed heap after a full GC at 10/20/…/100 % published: live ")
                + HeapAt(run.Heap, i, r => r.LiveBytes) + " MB; committed " + HeapAt(run.Heap, i, r => r.CommittedBytes) + " MB");
        }
        lines.Add(F($"ceiling: {ceiling.RequestsPerSecond:0} requests/s for this request mix ({ceiling.Requests} requests in {ceiling.Elapsed.TotalSeconds:0.0} s, ")
            + F($"{ceiling.Concurrency} concurrent, {ceiling.Failures} failed) = {ceilingArticles:0.0} articles/s at {requestsPerArticle:0.0} requests per article"));
        lines.Add(F($"throughput {throughput:0.0} articles/s, p95 {Percentile(latencies, 95):0} ms, {percent:0} % of ceiling"));
        foreach (var line in lines)
        {
            Console.WriteLine(line);
        }
    }

    /// <summary>One figure per tenth, in MB with one decimal; "?" where the host gave no reading in time.</summary>
    private static string HeapAt(IReadOnlyList<HeapSample> samples, int host, Func<ManagedHeapReading, long> figure) =>
        string.Join(" / ", Enumerable.Range(1, 10).Select(tenth =>
            samples.FirstOrDefault(s => s.Tenth == tenth)?.Readings[host] is { } reading
                ? (figure(reading) / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture)
                : "?"));

    private static string RssAt(IReadOnlyList<MemorySample> samples, int host, int published)
    {
        var sample = samples.FirstOrDefault(s => s.Published >= published) ?? samples[^1];
        return (sample.ResidentBytes[host] / 1048576.0).ToString("0", CultureInfo.InvariantCulture);
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, int percentile)
    {
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    private static IReadOnlyDictionary<string, long> Sum(IEnumerable<IReadOnlyDictionary<string, long>> counts)
    {
        var sum = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (kind, count) in counts.SelectMany(c => c))
        {
            sum[kind] = sum.GetValueOrDefault(kind) + count;
        }
        return sum;
    }

    private static string DescribeStatuses(IReadOnlyDictionary<string, int> statuses) =>
        statuses.Count == 0 ? "none" : string.Join(", ", statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Value} {s.Key}"));

    private static string Describe(HostTuning tuning, HostJsonSettings fromFile)
    {
        var effective = tuning.ApplyTo(fromFile);
        return F($"batchSize {effective.BatchSize}, newBatchThreshold {effective.NewBatchThreshold}, maxPollingInterval {effective.MaxPollingInterval.TotalMilliseconds:0} ms");
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
