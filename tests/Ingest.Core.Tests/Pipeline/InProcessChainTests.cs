using Ingest.Core.Articles;
using Ingest.Core.Configuration;
using Ingest.Core.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ingest.Core.Tests.Pipeline;

/// <summary>`ingest process`: the same chain without storage, over real files.</summary>
public sealed class InProcessChainTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ingest-process-");

    [Fact]
    public async Task Files_in_order_give_processed_duplicate_and_rejected_outcomes()
    {
        var story = "Bridge reopens after repairs\n\nThe old bridge over the Tarn reopened on Monday after six months of repairs, the county council said.";
        var first = Write("bridge.txt", story);
        var copy = Write("bridge copy.txt", story.ReplaceLineEndings("\r\n"));
        var empty = Write("empty.txt", "");
        await using var services = Services(new Dictionary<string, string?>());
        var chain = services.GetRequiredService<InProcessChain>();

        var a = await chain.ProcessFileAsync(first, "bridge.txt", CancellationToken.None);
        var b = await chain.ProcessFileAsync(copy, "bridge copy.txt", CancellationToken.None);
        var c = await chain.ProcessFileAsync(empty, "empty.txt", CancellationToken.None);

        Assert.Equal(ArticleStatus.Processed, a.Status);
        Assert.NotNull(a.Recognizer);
        Assert.Equal(ArticleStatus.Duplicate, b.Status);
        Assert.Equal(a.Id, b.Dedup!.DuplicateOf);
        Assert.Equal(RejectionCodes.Empty, c.Rejection!.Code);
        Assert.All(new[] { a, b, c }, d => Assert.NotNull(d.ProcessedAt));
    }

    [Fact]
    public async Task A_file_over_the_limit_is_rejected_from_its_size()
    {
        var big = Write("big.txt", new string('a', 2048));
        await using var services = Services(new Dictionary<string, string?> { ["Ingest:MaxInputBytes"] = "1024" });

        var document = await services.GetRequiredService<InProcessChain>().ProcessFileAsync(big, "big.txt", CancellationToken.None);

        Assert.Equal(RejectionCodes.TooLarge, document.Rejection!.Code);
        Assert.Equal(2048, document.Source.SizeBytes);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddLogging()
            .AddIngestProcessing(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
