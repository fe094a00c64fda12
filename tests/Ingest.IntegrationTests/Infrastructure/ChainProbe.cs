using Azure.Data.Tables;
using Ingest.Core.Storage;

namespace Ingest.IntegrationTests.Infrastructure;

/// <summary>What fault tests look at while the chain recovers: how many articles are done, and where the rest are stuck.</summary>
public static class ChainProbe
{
    public static async Task<int> CountCompleteAsync(StorageClients clients, IReadOnlyList<string> ids)
    {
        var queries = new ArticleQueries(clients, TimeProvider.System);
        var complete = 0;
        foreach (var id in ids)
        {
            complete += await queries.GetAsync(id, CancellationToken.None) is null ? 0 : 1;
        }
        return complete;
    }

    /// <summary>Where each article without an outcome is stuck: its Articles row state, work items, stage errors.</summary>
    public static async Task<string> DescribeStuckAsync(StorageClients clients, IReadOnlyList<string> ids)
    {
        var queries = new ArticleQueries(clients, TimeProvider.System);
        var lines = new List<string>();
        foreach (var id in ids)
        {
            if (await queries.GetAsync(id, CancellationToken.None) is not null)
            {
                continue;
            }
            var row = await clients.Table(ChainNames.ArticlesTable).GetEntityIfExistsAsync<TableEntity>(id, ArticleRows.ArticleRowKey);
            var work = new List<string>();
            foreach (var item in Ingest.Core.Pipeline.WorkItems.All)
            {
                if ((await clients.Container(ChainNames.WorkContainer).GetBlobClient(BlobWorkItemStore.BlobName(id, item)).ExistsAsync()).Value)
                {
                    work.Add(item);
                }
            }
            var errors = await clients.Table(ChainNames.StageErrorsTable).QueryAsync<TableEntity>(e => e.PartitionKey == id).ToListAsync();
            lines.Add($"{id}: row={(row.HasValue ? row.Value!.GetString("PublishState") : "none")} work=[{string.Join(',', work)}] errors=[{string.Join(" | ", errors.Select(e => e.RowKey + ": " + e.GetString("Error")))}]");
        }
        foreach (var queue in ChainNames.Queues)
        {
            lines.Add($"{queue}: {(await clients.Queue(queue).GetPropertiesAsync()).Value.ApproximateMessagesCount} messages");
        }
        return string.Join("\n", lines);
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
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
