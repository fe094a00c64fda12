using Azure.Storage.Queues.Models;
using Ingest.Core.Pipeline;
using Ingest.Core.Storage;

namespace Ingest.IntegrationTests.Infrastructure;

public static class QueueInspector
{
    /// <summary>Waits until the chain's stage queues are empty and the article's work item is gone: the chain is idle for it.</summary>
    public static async Task WaitUntilDrainedAsync(StorageClients clients, string articleId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        var work = clients.Container(ChainNames.WorkContainer).GetBlobClient(Ingest.Core.Storage.BlobWorkItemStore.BlobName(articleId, WorkItems.Cleaned));
        while (DateTime.UtcNow < deadline)
        {
            var counts = await Task.WhenAll(
                new[] { ChainNames.DeduplicateQueue, ChainNames.RecognizeQueue, ChainNames.PublishQueue }
                    .Select(async q => (await clients.Queue(q).GetPropertiesAsync()).Value.ApproximateMessagesCount));
            if (counts.All(c => c == 0) && !(await work.ExistsAsync()).Value)
            {
                return;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The chain did not go idle for article {articleId}.");
    }

    /// <summary>All notifications on articles-processed, read (made invisible for a while) without deleting them.</summary>
    public static async Task<IReadOnlyList<ProcessedNotification>> ReadNotificationsAsync(StorageClients clients)
    {
        var notifications = new List<ProcessedNotification>();
        var queue = clients.Queue(ChainNames.ProcessedQueue);
        while (true)
        {
            QueueMessage[] batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value;
            if (batch.Length == 0)
            {
                return notifications;
            }
            notifications.AddRange(batch.Select(m => ProcessedNotification.Parse(m.Body.ToString())!));
        }
    }
}
