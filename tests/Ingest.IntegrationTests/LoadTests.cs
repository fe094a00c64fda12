using System.Diagnostics;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Ingest.Cli.Local;
using Ingest.Core.Articles;
using Ingest.Core.Storage;
using Ingest.IntegrationTests.Infrastructure;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Ingest.IntegrationTests;

/// <summary>
/// Two hosts on one Azurite take 2,000 files dropped in parallel, 30 % exact and 10 % near duplicates: every file ends in
/// exactly one outcome, and every story in exactly one canonical record.
/// </summary>
/// <remarks>
/// Category <c>Load</c>, so it can be run alone: <c>dotnet test tests/Ingest.IntegrationTests -c Release --filter Category=Load</c>.
/// It found two ways to lose an article for good, both fixed: a blob the sweep cleaned inline whose run was cut short
/// after saving its work item (the sweep now hands blobs over on a queue), and the singleton locks of a restarted host
/// held by what was left of the old one (the supervisor now revokes them). When outcomes stop coming it prints why:
/// restarts, lock leases, each function's last run and the last warnings.
/// </remarks>
[Trait("Category", "Load")]
[Collection(LoadCollection.Name)]
public sealed class LoadTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private const int Files = 2_000;
    private const int Stories = 1_200;       // 60 %: the originals
    private const int ExactCopies = 600;     // 30 %
    private const int NearCopies = 200;      // 10 %
    private const int UploadConcurrency = 32;

    /// <summary>
    /// Fewer functions at once than the other tests' hosts (16 + 8 messages per queue): on two cores, dozens of concurrent
    /// CPU-bound runs (cleaning, entity recognition) add no throughput and delay everything else in the process. With
    /// 16 + 8 on a heavily loaded machine, one run ended when the blob trigger's receipt lease expired and the storage
    /// extension ended the process (see README, Reliability). Idle queues are polled every second instead of every
    /// 250 ms: about nine queues per host.
    /// </summary>
    private static readonly HostJsonSettings LoadSettings = ChainHost.FastSettings with
    {
        BatchSize = 8,
        NewBatchThreshold = 4,
        MaxPollingInterval = TimeSpan.FromSeconds(1),
    };

    /// <summary>
    /// Singleton locks (the timer's, the blob listener's) held for 60 s instead of 15 s. A renewal that comes later than
    /// the lease lasts lets the other host take the lock, and WebJobs answers the failed renewal by ending the process
    /// (upstream azure-webjobs-sdk #2454); on a heavily loaded machine renewals ran that late once. Same work, same hosts.
    /// </summary>
    private static void TolerateLateLeaseRenewals(IServiceCollection services) =>
        services.Configure<SingletonOptions>(options =>
        {
            options.LockPeriod = TimeSpan.FromSeconds(60);
            options.ListenerLockPeriod = TimeSpan.FromSeconds(60);
        });

    /// <summary>
    /// The dedup cleanup hourly instead of the local host's every minute: with a 30-day window it removes nothing here,
    /// but each run scans the whole index table, which on Azurite (no key index for a partition query) took over two
    /// minutes at 2,000 articles on a loaded machine and slowed every other storage call with it.
    /// </summary>
    private static readonly Dictionary<string, string?> HostSettings = new() { ["Ingest:DedupCleanupSchedule"] = "0 0 * * * *" };

    /// <summary>One file of the plan: which story it tells, in which format, and as what.</summary>
    private sealed record PlannedFile(string Name, int Story, byte[] Content, string ContentType, bool IsNearCopy);

    [Fact]
    public async Task Two_hosts_take_2000_files_with_duplicates_and_end_with_one_outcome_each_and_one_canonical_per_story()
    {
        var (firstWave, nearWave) = Plan();
        Assert.Equal(Files, firstWave.Count + nearWave.Count);

        var total = Stopwatch.StartNew();
        // Function executions and sweep recoveries are counted from the hosts' logs, to show where the time goes.
        var logs = new CapturingLoggerProvider();
        await using var first = await ChainHost.StartAsync(azurite.ConnectionString, LoadSettings, HostSettings,
            configureServices: TolerateLateLeaseRenewals, configureLogging: logging => logging.AddProvider(logs));
        await using var second = await ChainHost.StartAsync(azurite.ConnectionString, LoadSettings, HostSettings,
            configureServices: TolerateLateLeaseRenewals, configureLogging: logging => logging.AddProvider(logs));

        // Originals and their exact copies race each other on both hosts. Near copies follow once their originals are
        // published: which of two similar articles is the original is decided by arrival (the earlier one is canonical),
        // so only a near copy that arrives later has a fixed expected verdict.
        var firstIds = await DropAllAsync(firstWave);
        Func<Task<string>> diagnose = () => DiagnoseAsync(logs, (first, "first"), (second, "second"));
        await WaitForOutcomeCountAsync(firstWave.Count, TimeSpan.FromMinutes(30), diagnose);
        var firstWaveTime = total.Elapsed;
        var nearIds = await DropAllAsync(nearWave);
        await WaitForOutcomeCountAsync(Files, TimeSpan.FromMinutes(10), diagnose);
        output.WriteLine($"{Files} files on two hosts: originals and exact copies ({firstWave.Count}) in {firstWaveTime.TotalSeconds:0} s, "
            + $"all outcomes in {total.Elapsed.TotalSeconds:0} s");
        output.WriteLine(DescribeWork(logs));

        var files = firstWave.Zip(firstIds).Concat(nearWave.Zip(nearIds)).ToDictionary(p => p.Second, p => p.First);
        Assert.Equal(Files, files.Count);

        // None lost, none doubled: one Articles row and one processed document per file, and nothing else.
        var rows = await azurite.Clients.Table(ChainNames.ArticlesTable).QueryAsync<TableEntity>(select: ["PartitionKey"]).ToListAsync();
        Assert.Equal(Files, rows.Count);
        Assert.Equal(files.Keys.Order(), rows.Select(r => r.PartitionKey).Order());
        var blobs = await azurite.Clients.Container(ChainNames.ProcessedContainer).GetBlobsAsync().Select(b => b.Name).ToListAsync();
        Assert.Equal(files.Keys.Select(id => id + ".json").Order(), blobs.Order());

        var documents = await ReadDocumentsAsync(files.Keys);
        Assert.All(documents.Values, d => Assert.Contains(d.Status, new[] { ArticleStatus.Processed, ArticleStatus.Duplicate }));

        foreach (var story in files.GroupBy(f => f.Value.Story))
        {
            var exactCluster = story.Where(f => !f.Value.IsNearCopy).Select(f => documents[f.Key]).ToList();
            var canonical = Assert.Single(exactCluster, d => d.Status == ArticleStatus.Processed);
            Assert.Null(canonical.Dedup!.DuplicateOf);
            Assert.NotNull(canonical.Recognizer);
            Assert.All(exactCluster.Where(d => d != canonical), d =>
            {
                Assert.Equal(ArticleStatus.Duplicate, d.Status);
                Assert.Equal(DuplicateKind.Exact, d.Dedup!.Kind);
                Assert.Equal(canonical.Id, d.Dedup.DuplicateOf);
                Assert.Equal(canonical.Dedup.ContentHash, d.Dedup.ContentHash);
            });
            var clusterIds = exactCluster.Select(d => d.Id).ToHashSet();
            foreach (var near in story.Where(f => f.Value.IsNearCopy).Select(f => documents[f.Key]))
            {
                Assert.Equal(ArticleStatus.Duplicate, near.Status);
                Assert.Equal(DuplicateKind.Near, near.Dedup!.Kind);
                Assert.Contains(near.Dedup.DuplicateOf!, clusterIds);
                Assert.True(near.Dedup.Similarity >= 0.5, $"{near.Id}: similarity {near.Dedup.Similarity}");
            }
        }

        // Nothing is left in a queue or a poison queue, and then the row's status agrees with the document.
        // The last publishes may still be sending notifications and deleting messages when their document lands. And a
        // stage message whose run failed (runs fail under this load: storage calls time out) can stay invisible for the
        // rest of the listener's fixed 10-minute hold when the listener cannot release it, even though its article went
        // on by another message or the sweep; when it reappears it finds no work item and ends as a no-op. One CI run
        // failed on exactly that with a 1-minute wait: all 2,000 outcomes, one articles-recognize message still held.
        var drained = Stopwatch.StartNew();
        await WaitUntilQueuesEmptyAsync(TimeSpan.FromMinutes(12), diagnose);
        output.WriteLine($"stage queues empty {drained.Elapsed.TotalSeconds:0} s after the outcomes were verified; verified in {total.Elapsed.TotalSeconds:0} s in all");
        // Read again now: the document is written before its row is committed, so a row read as its document landed
        // could still be the uncommitted placeholder, and a publish that failed after writing the document commits
        // only when its message comes back.
        var committed = await azurite.Clients.Table(ChainNames.ArticlesTable).QueryAsync<TableEntity>(select: ["PartitionKey", "Status"]).ToListAsync();
        Assert.Equal(Files, committed.Count);
        Assert.All(committed, r => Assert.Equal(documents[r.PartitionKey].Status, r.GetString("Status")));
    }

    /// <summary>
    /// 1,200 stories; stories 0–149 get two exact copies and 150–449 one (600 copies, each in another format than its
    /// original); stories 350–549 get a near copy (half of them in a cluster with an exact copy, half alone). Shuffled with a
    /// fixed seed, so the two hosts meet copies of one story at different moments.
    /// </summary>
    private static (List<PlannedFile> FirstWave, List<PlannedFile> NearWave) Plan()
    {
        var firstWave = new List<PlannedFile>();
        var nearWave = new List<PlannedFile>();
        var formats = GeneratedStories.CopyFormats;
        for (var s = 0; s < Stories; s++)
        {
            var story = GeneratedStories.Story(s);
            var copies = s < 150 ? 2 : s < 450 ? 1 : 0;
            for (var copy = 0; copy <= copies; copy++)
            {
                var (extension, content, contentType) = story.AsFile(formats[(s + copy) % formats.Count]);
                firstWave.Add(new PlannedFile($"load/story-{s:0000}-{copy}.{extension}", s, content, contentType, IsNearCopy: false));
            }
            if (s is >= 350 and < 550)
            {
                var (extension, content, contentType) = GeneratedStories.NearCopy(story, s + 1_000_000).AsFile(formats[s % formats.Count]);
                nearWave.Add(new PlannedFile($"load/story-{s:0000}-near.{extension}", s, content, contentType, IsNearCopy: true));
            }
        }
        Assert.Equal(Stories + ExactCopies, firstWave.Count);
        Assert.Equal(NearCopies, nearWave.Count);
        var random = new Random(20261123);
        return ([.. firstWave.OrderBy(_ => random.Next())], [.. nearWave.OrderBy(_ => random.Next())]);
    }

    /// <summary>Uploads through the blob API, <see cref="UploadConcurrency"/> at a time; returns the article ids in plan order.</summary>
    private async Task<string[]> DropAllAsync(IReadOnlyList<PlannedFile> files)
    {
        var ids = new string[files.Count];
        await Parallel.ForAsync(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = UploadConcurrency }, async (i, _) =>
        {
            var file = files[i];
            ids[i] = (await ChainDriver.DropAsync(azurite.Clients, file.Name, file.Content, file.ContentType)).ArticleId;
        });
        return ids;
    }

    /// <summary>
    /// Waits until the processed container holds <paramref name="expected"/> documents. One listing a round instead of a
    /// read per article: 2,000 point reads every quarter second would load Azurite more than the hosts do.
    /// </summary>
    private async Task WaitForOutcomeCountAsync(int expected, TimeSpan timeout, Func<Task<string>> diagnose)
    {
        var container = azurite.Clients.Container(ChainNames.ProcessedContainer);
        var deadline = DateTime.UtcNow + timeout;
        var count = 0;
        while (DateTime.UtcNow < deadline)
        {
            count = await container.GetBlobsAsync().CountAsync();
            if (count >= expected)
            {
                return;
            }
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        var diagnosis = await diagnose();
        output.WriteLine(diagnosis);
        throw new TimeoutException($"{count} of {expected} outcomes within {timeout.TotalMinutes} minutes.\n{diagnosis}");
    }

    /// <summary>
    /// What the hosts were doing when outcomes stopped coming: restarts, who holds the WebJobs singleton locks (the blob
    /// listener's and the sweep timer's), when each function last ran, and the last warnings and errors.
    /// </summary>
    private async Task<string> DiagnoseAsync(CapturingLoggerProvider logs, params (ChainHost Host, string Name)[] hosts)
    {
        var report = new System.Text.StringBuilder();
        report.AppendLine("Restarts: " + string.Join(", ", hosts.Select(h => $"{h.Name} {h.Host.Restarts}")));
        try
        {
            var locks = azurite.Clients.Blobs.GetBlobContainerClient("azure-webjobs-hosts");
            await foreach (var blob in locks.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "locks/", CancellationToken.None))
            {
                report.AppendLine($"Lock {blob.Name}: lease {blob.Properties.LeaseState}/{blob.Properties.LeaseStatus}, modified {blob.Properties.LastModified:HH:mm:ss}");
            }
        }
        catch (Azure.RequestFailedException ex)
        {
            report.AppendLine("Locks not listed: " + ex.Message);
        }
        var now = DateTimeOffset.UtcNow;
        var entries = logs.Entries.ToList();
        foreach (var function in entries.Select(e => (e, m: ExecutedLine.Match(e.Line))).Where(p => p.m.Success)
                     .GroupBy(p => p.m.Groups[1].Value).OrderBy(g => g.Key))
        {
            report.AppendLine($"Last run of {function.Key}: {(now - function.Max(p => p.e.Time)).TotalSeconds:0} s ago ({function.Count()} runs)");
        }
        report.AppendLine("Last warnings and errors:");
        foreach (var entry in entries.Where(e => e.Level >= LogLevel.Warning).TakeLast(25))
        {
            var line = entry.Line.Length > 600 ? entry.Line[..600] + "…" : entry.Line;
            report.AppendLine($"  {(now - entry.Time).TotalSeconds:0} s ago: {line}");
        }
        return report.ToString();
    }

    /// <summary>Runs per function (succeeded/failed) and blobs the sweep recovered, from the captured host logs.</summary>
    private static string DescribeWork(CapturingLoggerProvider logs)
    {
        var runs = logs.Lines
            .Select(line => ExecutedLine.Match(line))
            .Where(match => match.Success)
            .GroupBy(match => $"{match.Groups[1].Value} {match.Groups[2].Value.ToLowerInvariant()}")
            .OrderBy(group => group.Key)
            .Select(group => $"{group.Key} {group.Count()}");
        var recovered = logs.Lines.Count(line => line.Contains("Recovered ", StringComparison.Ordinal));
        return $"function runs: {string.Join(", ", runs)}; recovered by the sweep: {recovered}";
    }

    private static readonly Regex ExecutedLine = new(@"Executed '(?:Functions\.)?([^']+)' \((\w+)", RegexOptions.Compiled);

    /// <summary>
    /// Waits until every queue but the consumers' notification queue is empty, counting invisible messages too. On a
    /// timeout it names what is left, whether any of it is visible (visible messages would mean the hosts stopped
    /// reading), and what the hosts were doing.
    /// </summary>
    private async Task WaitUntilQueuesEmptyAsync(TimeSpan timeout, Func<Task<string>> diagnose)
    {
        var deadline = DateTime.UtcNow + timeout;
        var queues = ChainNames.Queues.Where(q => q != ChainNames.ProcessedQueue).ToList();
        while (true)
        {
            var counts = await Task.WhenAll(queues.Select(async q => (await azurite.Clients.Queue(q).GetPropertiesAsync()).Value.ApproximateMessagesCount));
            if (counts.All(c => c == 0))
            {
                return;
            }
            if (DateTime.UtcNow >= deadline)
            {
                var left = new List<string>();
                foreach (var (queue, count) in queues.Zip(counts).Where(p => p.Second > 0))
                {
                    var visible = (await azurite.Clients.Queue(queue).PeekMessagesAsync(32)).Value;
                    left.Add($"{queue} {count} ({visible.Length} visible{string.Concat(visible.Select(m => $"; dequeued {m.DequeueCount}x: {m.MessageText}"))})");
                }
                Assert.Fail($"Messages left behind {timeout.TotalMinutes} minutes after the outcomes were verified: {string.Join(", ", left)}\n{await diagnose()}");
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private async Task<Dictionary<string, ProcessedDocument>> ReadDocumentsAsync(IEnumerable<string> ids)
    {
        var container = azurite.Clients.Container(ChainNames.ProcessedContainer);
        var documents = new System.Collections.Concurrent.ConcurrentDictionary<string, ProcessedDocument>();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (id, cancellationToken) =>
        {
            var json = (await container.GetBlobClient(id + ".json").DownloadContentAsync(cancellationToken)).Value.Content.ToString();
            SchemaValidator.AssertValid(json);
            documents[id] = DocumentJson.Deserialize(json);
        });
        return new Dictionary<string, ProcessedDocument>(documents);
    }
}

/// <summary>
/// The load test runs alone, after the other classes: it keeps both cores busy for a quarter of an hour, and beside it
/// the other classes' fixed waits (90 s for an outcome, 60 s for a host to start) would measure the machine, not Ingest.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoadCollection
{
    public const string Name = "Load (alone)";
}
