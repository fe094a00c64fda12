using Ingest.Core.Articles;
using Ingest.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Ingest.IntegrationTests;

/// <summary>Everything the host logs while processing, at every level, must be free of article bodies and storage secrets.</summary>
public sealed class LoggingHygieneTests : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();
    private readonly CapturingLoggerProvider _logs = new();

    public Task InitializeAsync() => _azurite.InitializeAsync();

    public Task DisposeAsync() => _azurite.DisposeAsync();

    [Fact]
    public async Task Processing_logs_neither_article_bodies_nor_the_storage_key()
    {
        const string bodyMarker = "the quartermaster counted seventeen lanterns behind the customs shed";
        await using (var host = await ChainHost.StartAsync(_azurite, configureLogging: logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddProvider(_logs);
        }))
        {
            var (_, processedId) = await ChainDriver.DropAsync(_azurite.Clients, "logs/lanterns.txt", $"Lantern inventory\n\nOn Friday {bodyMarker}, the harbour office said.");
            var (_, rejectedId) = await ChainDriver.DropAsync(_azurite.Clients, "logs/bad.json", "{\"title\": \"x\", \"body\": " + bodyMarker);
            await ChainDriver.WaitForOutcomesAsync(_azurite.Clients, [processedId, rejectedId]);
        }

        var lines = _logs.Lines.ToList();
        Assert.NotEmpty(lines);
        Assert.Contains(lines, l => l.Contains(ArticleStatus.Processed, StringComparison.Ordinal)); // the outcome line itself is logged
        var leaks = lines.Where(l => l.Contains(bodyMarker, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(leaks.Count == 0, "Article text reached the logs:\n" + string.Join("\n", leaks));
        Assert.DoesNotContain(lines, l => l.Contains(Cli.Local.AzuriteServer.AccountKey, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase));
    }
}
