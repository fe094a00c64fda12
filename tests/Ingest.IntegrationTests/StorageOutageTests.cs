using System.Diagnostics;
using Azure.Data.Tables;
using Ingest.Core.Articles;
using Ingest.Core.Storage;
using Ingest.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Ingest.IntegrationTests;

/// <summary>
/// Storage taken away from a running `ingest up` mid-batch and given back: the host survives (its supervisor
/// restarts the job host the storage extension failed), and every file ends in exactly one outcome.
/// </summary>
public sealed class StorageOutageTests(PersistentAzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<PersistentAzuriteFixture>
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Ingest_up_outlives_storage_stopped_for_30_s_mid_batch_and_every_file_ends_in_one_outcome()
    {
        var cli = new CliRunner(azurite.ConnectionString, azurite.Layout.Root);
        const int files = 60;

        await using var up = cli.Start("up");
        await up.WaitForOutputAsync("Ingest is running", TimeSpan.FromSeconds(90));
        var drops = await Task.WhenAll(Enumerable.Range(0, files).Select(i => ChainDriver.DropAsync(azurite.Clients, $"outage/story-{i:00}.txt",
            $"Lighthouse story number {i}\n\n{TestTexts.DistinctBody(1000 + i, 50)}")));
        var ids = drops.Select(d => d.ArticleId).ToList();

        // Take storage away once part of the batch is through and the rest is spread over the chain's stages.
        await ChainProbe.WaitUntilAsync(async () => await ChainProbe.CountCompleteAsync(azurite.Clients, ids) >= 3, TimeSpan.FromSeconds(90));
        await azurite.StopAsync();
        var storageGoneAt = DateTimeOffset.UtcNow;
        await Task.Delay(Outage);
        Assert.False(up.HasExited, "ingest up exited while storage was down:\n" + up.Output);
        // The host must notice the outage while it lasts; on a busy machine the listener's error can come after the 30 s,
        // so the outage is stretched until it has (it throws, with the output, if the CLI exits or never says so).
        await up.WaitForOutputAsync("Job host failed", TimeSpan.FromSeconds(90));
        var outputDuringOutage = up.Output;
        await azurite.StartAgainAsync();
        var storageBack = System.Diagnostics.Stopwatch.StartNew();

        IReadOnlyList<ProcessedDocument> outcomes;
        try
        {
            // A message the failed host had dequeued when storage went away is invisible until the queue listener's
            // fixed 10-minute processing visibility runs out (it could not release it: storage was gone).
            outcomes = await ChainDriver.WaitForOutcomesAsync(azurite.Clients, ids, TimeSpan.FromMinutes(13));
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException(ex.Message + "\n" + await ChainProbe.DescribeStuckAsync(azurite.Clients, ids) + "\n" + up.Output[^Math.Min(4000, up.Output.Length)..], ex);
        }

        // The host failed while storage was gone and its supervisor replaced it, instead of the process ending.
        Assert.Contains("Job host failed", outputDuringOutage);
        Assert.Contains("Job host restarted", up.Output);

        Assert.Equal(files, outcomes.Select(o => o.Id).Distinct().Count());
        Assert.All(outcomes, o => Assert.Equal(ArticleStatus.Processed, o.Status));
        var committedAfterOutage = 0;
        foreach (var id in ids)
        {
            var rows = await azurite.Clients.Table(ChainNames.ArticlesTable).QueryAsync<TableEntity>(e => e.PartitionKey == id).ToListAsync();
            Assert.Single(rows);
            // The row's server timestamp is when its outcome was committed (same machine, same clock as the test).
            committedAfterOutage += rows[0].Timestamp > storageGoneAt ? 1 : 0;
        }
        Assert.True(committedAfterOutage > 0, "Every outcome was committed before storage went away; the test proved nothing.");
        // Figures for the README (not asserted: wall-clock time on a shared machine says little).
        output.WriteLine($"{files} files, storage down {Outage.TotalSeconds:0} s; outcomes committed after the outage: {committedAfterOutage}; "
            + $"all {files} outcomes {storageBack.Elapsed.TotalSeconds:0} s after storage was back; "
            + $"job host restarts logged: {CountOccurrences(up.Output, "Job host restarted")}, restart attempts that failed while storage was down: {CountOccurrences(up.Output, "could not start again")}");
        var documents = new List<string>();
        await foreach (var blob in azurite.Clients.Container(ChainNames.ProcessedContainer).GetBlobsAsync())
        {
            documents.Add(blob.Name);
        }
        Assert.Equal(ids.Select(ArticleRows.DocumentBlobName).Order(), documents.Order());

        // Nothing left behind: no stage message (visible or not), nothing poisoned, no work item. A message the failed
        // host had taken stays invisible for the listener's fixed 10 minutes even when its article's outcome came another
        // way first (the restarted host's trigger rescans the container and reruns a blob with no outcome); when it
        // reappears it finds no work item and ends as a no-op. So the queues drain within that visibility, not at once.
        var drained = Stopwatch.StartNew();
        try
        {
            await ChainProbe.WaitUntilAsync(async () => await CountStageMessagesAsync() == 0, TimeSpan.FromMinutes(12));
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message} {await CountStageMessagesAsync()} stage messages (visible or not) left 12 minutes after the last outcome.\n"
                + up.Output[^Math.Min(4000, up.Output.Length)..], ex);
        }
        output.WriteLine($"stage queues empty {drained.Elapsed.TotalSeconds:0} s after the last outcome");
        foreach (var poison in new[] { ChainNames.CleanPoisonQueue, ChainNames.DeduplicatePoisonQueue, ChainNames.RecognizePoisonQueue, ChainNames.PublishPoisonQueue, ChainNames.BlobTriggerPoisonQueue })
        {
            Assert.Equal(0, (await azurite.Clients.Queue(poison).GetPropertiesAsync()).Value.ApproximateMessagesCount);
        }
        // A run that began before its article's outcome was committed, saved its cleaned work item after the publisher
        // removed the article's work items and could not queue the next stage (storage went away) leaves that work item
        // until its own retry: the clean entry then finds the outcome and removes it. That retry can wait out the same
        // 10-minute visibility as the stage messages above.
        try
        {
            await ChainProbe.WaitUntilAsync(async () => !await azurite.Clients.Container(ChainNames.WorkContainer).GetBlobsAsync().AnyAsync(), TimeSpan.FromMinutes(12));
        }
        catch (TimeoutException ex)
        {
            // Say which work items stayed and when they were written, against when storage went and came back.
            var left = await azurite.Clients.Container(ChainNames.WorkContainer).GetBlobsAsync()
                .Select(b => $"{b.Name} written {b.Properties.LastModified:HH:mm:ss}").ToListAsync();
            throw new TimeoutException($"{ex.Message} Work items left 12 minutes after the queues drained (storage gone {storageGoneAt:HH:mm:ss}): "
                + string.Join("; ", left) + "\n" + up.Output[^Math.Min(4000, up.Output.Length)..], ex);
        }

        // A clean stop is still prompt and is not taken for a failure to restart from.
        var beforeStop = up.Output.Length;
        Assert.Equal(0, await up.TerminateAsync());
        var afterStop = up.Output[beforeStop..];
        Assert.Contains("Stopping", afterStop);
        Assert.DoesNotContain("restart", afterStop, StringComparison.OrdinalIgnoreCase);

    }

    private static int CountOccurrences(string text, string value) =>
        (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;

    private async Task<int> CountStageMessagesAsync()
    {
        var counts = await Task.WhenAll(new[] { ChainNames.DeduplicateQueue, ChainNames.RecognizeQueue, ChainNames.PublishQueue }
            .Select(async q => (await azurite.Clients.Queue(q).GetPropertiesAsync()).Value.ApproximateMessagesCount));
        return counts.Sum();
    }
}
