using System.Text;
using Ingest.Core.Articles;
using Ingest.Core.Configuration;
using Ingest.Core.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ingest.Core.Tests.Deduplication;

/// <summary><c>ingest process</c> runs the near-duplicate check too, configured from <c>Ingest:Dedup</c>.</summary>
public sealed class InProcessNearDuplicateTests
{
    private const string Story =
        "Ferry link approved\n\n"
        + "The harbour authority in Northport approved a ferry link to the Skerry Islands on Tuesday. "
        + "Councillor Maria Lindqvist said the first crossings would run next spring, twice a day in summer. "
        + "The islands have relied on a weekly supply boat since the old pier closed in 2019. "
        + "Residents had petitioned for a regular service for three years, citing school runs and hospital visits.";

    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddLogging()
            .AddIngestProcessing(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

    private static SourceRead Source(string name, string text) => SourceRead.Found(
        new SourceInfo { Container = "local", Name = name, SizeBytes = text.Length, ReceivedAt = DateTimeOffset.UnixEpoch },
        Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task An_edited_copy_is_a_near_duplicate_and_a_stricter_threshold_keeps_it_processed()
    {
        var edited = Story.Replace("three years", "four years") + " The authority will publish the timetable in March.";
        await using var defaults = Services([]);
        await using var strict = Services(new() { ["Ingest:Dedup:Threshold"] = "0.99" });

        var chain = defaults.GetRequiredService<InProcessChain>();
        var original = await chain.ProcessAsync(Source("ferry.txt", Story), CancellationToken.None);
        var copy = await chain.ProcessAsync(Source("ferry-2.txt", edited), CancellationToken.None);
        var strictChain = strict.GetRequiredService<InProcessChain>();
        await strictChain.ProcessAsync(Source("ferry.txt", Story), CancellationToken.None);
        var strictCopy = await strictChain.ProcessAsync(Source("ferry-2.txt", edited), CancellationToken.None);

        Assert.Equal(ArticleStatus.Processed, original.Status);
        Assert.Equal(ArticleStatus.Duplicate, copy.Status);
        Assert.Equal(DuplicateKind.Near, copy.Dedup!.Kind);
        Assert.Equal(original.Id, copy.Dedup.DuplicateOf);
        Assert.Equal(ArticleStatus.Processed, strictCopy.Status);
    }

    [Fact]
    public async Task An_invalid_threshold_is_refused_when_the_options_are_read()
    {
        await using var services = Services(new() { ["Ingest:Dedup:Threshold"] = "1.5" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<Ingest.Core.Deduplication.NearDuplicateOptions>>().Value);
        Assert.Contains("Threshold", error.Message);
    }
}
