using Ingest.Cli.Local;
using Ingest.Core.Storage;

namespace Ingest.IntegrationTests.Infrastructure;

/// <summary>
/// A real Azurite for one test class: started from the repository's pinned npm package on free ports with
/// in-memory persistence (unless a subclass gives a data folder), stopped when the class is done. Nothing is
/// assumed to be running beforehand.
/// </summary>
public class AzuriteFixture : IAsyncLifetime
{
    private AzuriteServer? _server;
    private (int Blob, int Queue, int Table)? _ports;

    /// <summary>Stays valid while Azurite is stopped: it starts again on the same ports.</summary>
    public string ConnectionString { get; private set; } = null!;
    public StorageClients Clients { get; private set; } = null!;
    internal AzuriteServer Server => _server ?? throw new InvalidOperationException("Azurite has not started.");
    internal RepositoryLayout Layout { get; } = RepositoryLayout.Locate();

    /// <summary>False for tests that must see an account where nothing was ever created.</summary>
    protected virtual bool CreatesChainResources => true;

    /// <summary>A folder Azurite keeps its data in, so it survives a stop; null keeps everything in memory.</summary>
    protected virtual string? DataFolder => null;

    public async Task InitializeAsync()
    {
        _server = await AzuriteServer.StartAsync(Layout, 0, 0, 0, DataFolder, CancellationToken.None);
        _ports = (_server.BlobPort, _server.QueuePort, _server.TablePort);
        ConnectionString = _server.ConnectionString;
        Clients = new StorageClients(new StorageOptions { ConnectionString = ConnectionString });
        if (CreatesChainResources)
        {
            await Clients.EnsureChainResourcesAsync(CancellationToken.None);
        }
    }

    /// <summary>Stops Azurite as Ctrl+C would (it saves its data first): storage is gone until <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync()
    {
        await Server.DisposeAsync();
        _server = null;
    }

    /// <summary>Starts Azurite again on the same ports and data folder, so clients and hosts find the same account.</summary>
    public async Task StartAgainAsync()
    {
        if (_server is not null || _ports is not { } ports)
        {
            throw new InvalidOperationException("Azurite is running or was never started.");
        }
        _server = await AzuriteServer.StartAsync(Layout, ports.Blob, ports.Queue, ports.Table, DataFolder, CancellationToken.None);
    }

    public virtual async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>An Azurite that keeps its data in a temporary folder, so a test can stop it and start it again with nothing lost.</summary>
public sealed class PersistentAzuriteFixture : AzuriteFixture
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "ingest-azurite-" + Guid.NewGuid().ToString("N"));

    protected override string? DataFolder => _dataFolder;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_dataFolder, recursive: true);
    }
}

/// <summary>An Azurite with no containers, queues or tables: an account the pipeline has never touched.</summary>
public sealed class BareAzuriteFixture : AzuriteFixture
{
    protected override bool CreatesChainResources => false;
}
