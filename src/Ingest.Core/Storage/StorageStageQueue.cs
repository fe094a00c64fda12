using Ingest.Core.Pipeline;

namespace Ingest.Core.Storage;

/// <summary>Sends stage messages on Azure Storage queues (the clients are cached by <see cref="StorageClients"/>).</summary>
public sealed class StorageStageQueue(StorageClients clients) : IStageQueue
{
    public Task SendAsync(string queueName, StageMessage message, CancellationToken cancellationToken) =>
        clients.Queue(queueName).SendMessageAsync(message.ToJson(), cancellationToken);
}
