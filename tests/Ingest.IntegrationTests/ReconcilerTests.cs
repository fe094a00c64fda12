using Ingest.Core.Configuration;
using Ingest.Core.Pipeline;
using Ingest.Core.Storage;
using Ingest.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ingest.IntegrationTests;

/// <summary>The sweep that catches blobs the polling trigger missed, run directly against Azurite with no host listening.</summary>
public sealed class ReconcilerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_blob_no_trigger_picked_up_is_handed_to_the_chain_once()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Ingest:ReconcileGrace"] = "00:00:00",
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddIngestChain(configuration).BuildServiceProvider();
        var reconciler = services.GetRequiredService<IncomingReconciler>();
        var (_, id) = await ChainDriver.DropAsync(azurite.Clients, "missed/orphan.txt",
            "Orphaned article\n\nNo trigger saw this blob arrive, so the sweep must find it.");

        var first = await reconciler.ReconcileAsync(CancellationToken.None);
        var second = await reconciler.ReconcileAsync(CancellationToken.None);

        Assert.Equal(1, first);
        Assert.Equal(0, second); // its work item is now in flight: not handed over twice
        Assert.True((await azurite.Clients.Container(ChainNames.WorkContainer).GetBlobClient(BlobWorkItemStore.BlobName(id, WorkItems.Cleaned)).ExistsAsync()).Value);
        var message = (await azurite.Clients.Queue(ChainNames.DeduplicateQueue).ReceiveMessageAsync()).Value;
        Assert.True(StageMessage.TryParse(message.Body.ToString(), out var parsed));
        Assert.Equal(id, parsed.ArticleId);
    }
}
