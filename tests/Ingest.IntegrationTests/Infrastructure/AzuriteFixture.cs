using Ingest.Cli.Local;
using Ingest.Core.Storage;

namespace Ingest.IntegrationTests.Infrastructure;

/// <summary>
/// A real Azurite for one test class: started from the repository's pinned npm package on free ports with
/// in-memory persistence, stopped when the class is done. Nothing is assumed to be running beforehand.
/// </summary>
public class AzuriteFixture : IAsyncLifetime
{
    private AzuriteServer? _server;

    public string ConnectionString => Server.ConnectionString;
    public StorageClients Clients { get; private set; } = null!;
    internal AzuriteServer Server => _server ?? throw new InvalidOperationException("Azurite has not started.");
    internal RepositoryLayout Layout { get; } = RepositoryLayout.Locate();

    /// <summary>False for tests that must see an account where nothing was ever created.</summary>
    protected virtual bool CreatesChainResources => true;

    public async Task InitializeAsync()
    {
        _server = await AzuriteServer.StartAsync(Layout, 0, 0, 0, dataFolder: null, CancellationToken.None);
        Clients = new StorageClients(new StorageOptions { ConnectionString = ConnectionString });
        if (CreatesChainResources)
        {
            await Clients.EnsureChainResourcesAsync(CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>An Azurite with no containers, queues or tables: an account the pipeline has never touched.</summary>
public sealed class BareAzuriteFixture : AzuriteFixture
{
    protected override bool CreatesChainResources => false;
}
