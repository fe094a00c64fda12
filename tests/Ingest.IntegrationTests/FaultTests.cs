using Azure.Data.Tables;
using Ingest.Core.Articles;
using Ingest.Core.Storage;
using Ingest.IntegrationTests.Infrastructure;

namespace Ingest.IntegrationTests;

/// <summary>Faults that take the host away mid-batch: afterwards every dropped file has exactly one outcome.</summary>
public sealed class FaultTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_host_killed_with_sigkill_mid_batch_loses_nothing_and_doubles_nothing_after_a_restart()
    {
        var cli = new CliRunner(azurite.ConnectionString, azurite.Layout.Root);
        const int files = 150;

        await using (var first = cli.Start("up"))
        {
            await first.WaitForOutputAsync("Ingest is running", TimeSpan.FromSeconds(90));
            // Distinct stories (seeded word draws), so dedup leaves every one processed.
            var drops = await Task.WhenAll(Enumerable.Range(0, files).Select(i => ChainDriver.DropAsync(azurite.Clients, $"kill/story-{i:00}.txt",
                $"Harbour story number {i}\n\n{TestTexts.DistinctBody(i, 50)}")));
            var ids = drops.Select(d => d.ArticleId).ToList();

            // Kill as soon as part of the batch is through, with the rest in every stage of the chain.
            await WaitUntilAsync(async () => await CountCompleteAsync(ids) >= 3, TimeSpan.FromSeconds(90));
            await first.KillAsync();
            var beforeRestart = await CountCompleteAsync(ids);

            await using var second = cli.Start("up");
            await second.WaitForOutputAsync("Ingest is running", TimeSpan.FromSeconds(90));
            IReadOnlyList<ProcessedDocument> outcomes;
            try
            {
                // Messages the killed host had dequeued stay invisible until the WebJobs queue listener's fixed
                // 10-minute processing visibility runs out (it renews it while a function runs); then they return.
                outcomes = await ChainDriver.WaitForOutcomesAsync(azurite.Clients, ids, TimeSpan.FromMinutes(13));
            }
            catch (TimeoutException ex)
            {
                throw new TimeoutException(ex.Message + "\n" + await DescribeStuckAsync(ids) + "\n" + second.Output[^Math.Min(4000, second.Output.Length)..], ex);
            }

            Assert.True(beforeRestart < files, "The kill came after the whole batch was done; the test proved nothing.");
            Assert.Equal(files, outcomes.Select(o => o.Id).Distinct().Count());
            Assert.All(outcomes, o => Assert.Equal(ArticleStatus.Processed, o.Status));
            foreach (var id in ids)
            {
                var rows = await azurite.Clients.Table(ChainNames.ArticlesTable).QueryAsync<TableEntity>(e => e.PartitionKey == id).ToListAsync();
                Assert.Single(rows);
            }
            Assert.Equal(0, await second.TerminateAsync());
        }
    }

    /// <summary>Where each article without an outcome is stuck: its Articles row state, work items, stage errors.</summary>
    private async Task<string> DescribeStuckAsync(IReadOnlyList<string> ids)
    {
        var queries = new ArticleQueries(azurite.Clients, TimeProvider.System);
        var lines = new List<string>();
        foreach (var id in ids)
        {
            if (await queries.GetAsync(id, CancellationToken.None) is not null)
            {
                continue;
            }
            var row = await azurite.Clients.Table(ChainNames.ArticlesTable).GetEntityIfExistsAsync<TableEntity>(id, ArticleRows.ArticleRowKey);
            var work = new List<string>();
            foreach (var item in Ingest.Core.Pipeline.WorkItems.All)
            {
                if ((await azurite.Clients.Container(ChainNames.WorkContainer).GetBlobClient(BlobWorkItemStore.BlobName(id, item)).ExistsAsync()).Value)
                {
                    work.Add(item);
                }
            }
            var errors = await azurite.Clients.Table(ChainNames.StageErrorsTable).QueryAsync<TableEntity>(e => e.PartitionKey == id).ToListAsync();
            lines.Add($"{id}: row={(row.HasValue ? row.Value!.GetString("PublishState") : "none")} work=[{string.Join(',', work)}] errors=[{string.Join(" | ", errors.Select(e => e.RowKey + ": " + e.GetString("Error")))}]");
        }
        foreach (var queue in ChainNames.Queues)
        {
            lines.Add($"{queue}: {(await azurite.Clients.Queue(queue).GetPropertiesAsync()).Value.ApproximateMessagesCount} messages");
        }
        return string.Join("\n", lines);
    }

    private async Task<int> CountCompleteAsync(IReadOnlyList<string> ids)
    {
        var queries = new ArticleQueries(azurite.Clients, TimeProvider.System);
        var complete = 0;
        foreach (var id in ids)
        {
            complete += await queries.GetAsync(id, CancellationToken.None) is null ? 0 : 1;
        }
        return complete;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition was not met in time.");
            }
            await Task.Delay(100);
        }
    }
}
