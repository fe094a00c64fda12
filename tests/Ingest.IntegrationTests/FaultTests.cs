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
            await ChainProbe.WaitUntilAsync(async () => await ChainProbe.CountCompleteAsync(azurite.Clients, ids) >= 3, TimeSpan.FromSeconds(90));
            await first.KillAsync();
            var beforeRestart = await ChainProbe.CountCompleteAsync(azurite.Clients, ids);

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
                throw new TimeoutException(ex.Message + "\n" + await ChainProbe.DescribeStuckAsync(azurite.Clients, ids) + "\n" + second.Output[^Math.Min(4000, second.Output.Length)..], ex);
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
}
