namespace Ingest.IntegrationTests.Infrastructure;

/// <summary>Azurite plus one running chain host with default settings, shared by a test class.</summary>
public sealed class ChainFixture : IAsyncLifetime
{
    public AzuriteFixture Azurite { get; } = new();
    public ChainHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Azurite.InitializeAsync();
        Host = await ChainHost.StartAsync(Azurite);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
