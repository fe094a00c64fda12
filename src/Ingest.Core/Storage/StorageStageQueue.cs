using System.Collections.Concurrent;
using Azure.Storage.Queues;
using Ingest.Core.Pipeline;

namespace Ingest.Core.Storage;

/// <summary>Sends stage messages on Azure Storage queues; one cached client per queue.</summary>
public sealed class StorageStageQueue(StorageClients clients) : IStageQueue
{
    private readonly ConcurrentDictionary<string, QueueClient> _queues = new(StringComparer.Ordinal);

    public Task SendAsync(string queueName, StageMessage message, CancellationToken cancellationToken) =>
        _queues.GetOrAdd(queueName, clients.Queue).SendMessageAsync(message.ToJson(), cancellationToken);
}
