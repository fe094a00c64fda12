using System.Globalization;
using System.Text;
using Ingest.Core.Recognition;
using Xunit;

namespace Ingest.Core.Tests.Recognition.AzureLanguage;

/// <summary>Long articles against the fake service: chunk limits, batching limits, offsets back in article terms.</summary>
public sealed class AzureLanguageChunkingTests : IAsyncLifetime
{
    private FakeLanguageService _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeLanguageService.StartAsync();
        _server.Gazetteer["Zoë Saldaña"] = ("Person", null, 0.95);
        _server.Gazetteer["Kraków"] = ("Location", "City", 0.9);
        _server.Gazetteer["NATO"] = ("Organization", null, 0.88);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task An_article_over_the_service_limit_is_chunked_and_every_offset_points_into_the_whole_text()
    {
        // 😀 is two UTF-16 units and one text element; "e\u0301" is two units and one element, so the limit
        // in text elements and the offsets in UTF-16 units part ways more with every sentence.
        var text = Article(sentences: 250, sentence: i =>
            $"Report {i} 😀: Zoë Saldaña visited Kraków with NATO staff, and the cafe\u0301 owner smiled 👍🏽. ");
        Assert.True(new StringInfo(text).LengthInTextElements > 3 * 5120);
        await using var harness = RecognizerHarness.Create(_server);

        var result = await harness.Recognizer.RecognizeAsync(text, "en", CancellationToken.None);

        var documents = _server.Requests.SelectMany(r => r.Documents).ToList();
        Assert.True(documents.Count >= 4);
        Assert.All(_server.Requests, r => Assert.InRange(r.Documents.Count, 1, 5));
        Assert.All(documents, d => Assert.InRange(new StringInfo(d.Text).LengthInTextElements, 1, 5120));
        Assert.Equal(text, string.Concat(documents.Select(d => d.Text)));
        Assert.All(documents.SkipLast(1), d => Assert.EndsWith(". ", d.Text)); // cut at sentence ends

        Assert.Equal(250 * 3, result.Entities.Count);
        Assert.Equal(AllOffsets(text, "Zoë Saldaña"), result.Entities.Where(m => m.Category == EntityCategories.Person).Select(m => m.Offset));
        Assert.Equal(AllOffsets(text, "Kraków"), result.Entities.Where(m => m.Category == EntityCategories.Location).Select(m => m.Offset));
        Assert.All(result.Entities, m => Assert.Equal(m.Text, text.Substring(m.Offset, m.Length)));
        Assert.Equal(result.Entities.OrderBy(m => m.Offset).Select(m => m.Offset), result.Entities.Select(m => m.Offset));
    }

    [Fact]
    public async Task An_entity_cut_by_a_chunk_boundary_comes_back_as_one_mention()
    {
        // No sentence end in reach, so the cut falls at the last space inside the window: between "Rio de" and "Janeiro".
        _server.Gazetteer["Rio de Janeiro"] = ("Location", "City", 0.96);
        _server.Gazetteer["Rio de"] = ("Location", null, 0.61);
        _server.Gazetteer["Janeiro"] = ("Location", null, 0.7);
        var prefix = "😀 e\u0301 👍🏽 wörds and wörds and more 😀 e\u0301 ";
        var text = prefix + "Rio de Janeiro hosted NATO delegates";
        var windowInElements = new StringInfo(prefix + "Rio de Jan").LengthInTextElements;
        await using var harness = RecognizerHarness.Create(_server,
            new Dictionary<string, string?> { ["MaxTextElementsPerDocument"] = windowInElements.ToString(CultureInfo.InvariantCulture) });

        var result = await harness.Recognizer.RecognizeAsync(text, "en", CancellationToken.None);

        var documents = _server.Requests.SelectMany(r => r.Documents).Select(d => d.Text).ToList();
        Assert.Equal([prefix + "Rio de ", "Janeiro hosted NATO delegates"], documents);
        Assert.Collection(result.Entities,
            rio =>
            {
                Assert.Equal("Rio de Janeiro", rio.Text);
                Assert.Equal(text.IndexOf("Rio de Janeiro", StringComparison.Ordinal), rio.Offset);
                Assert.Equal("Rio de Janeiro".Length, rio.Length);
                Assert.Equal(EntityCategories.Location, rio.Category);
                Assert.Equal(0.61, rio.Confidence, 3); // the weaker half's confidence
            },
            nato => Assert.Equal(("NATO", text.IndexOf("NATO", StringComparison.Ordinal)), (nato.Text, nato.Offset)));
    }

    [Fact]
    public async Task Entities_of_different_categories_either_side_of_a_boundary_stay_apart()
    {
        _server.Gazetteer["Rio de"] = ("Location", null, 0.61);
        _server.Gazetteer["Janeiro"] = ("Person", null, 0.7);
        var prefix = "a b c d e f ";
        var text = prefix + "Rio de Janeiro";
        await using var harness = RecognizerHarness.Create(_server,
            new Dictionary<string, string?> { ["MaxTextElementsPerDocument"] = (prefix.Length + 9).ToString(CultureInfo.InvariantCulture) });

        var result = await harness.Recognizer.RecognizeAsync(text, "en", CancellationToken.None);

        Assert.Equal(2, _server.Requests.SelectMany(r => r.Documents).Count());
        Assert.Equal(["Rio de", "Janeiro"], result.Entities.Select(m => m.Text));
    }

    [Fact]
    public async Task Requests_stay_within_the_byte_limit_whatever_the_script()
    {
        // Greek takes two UTF-8 bytes a letter; the byte budget, not the text-element limit, decides the batches here.
        var text = Article(sentences: 60, sentence: i => $"Η συνάντηση {i} του NATO στην Kraków ήταν σύντομη. ");
        await using var harness = RecognizerHarness.Create(_server, new Dictionary<string, string?> { ["MaxRequestBytes"] = "2048" });

        var result = await harness.Recognizer.RecognizeAsync(text, "el", CancellationToken.None);

        Assert.True(_server.Requests.Count > 3);
        Assert.All(_server.Requests, r => Assert.InRange(r.Body.Length, 1, 2048));
        Assert.Equal(text, string.Concat(_server.Requests.SelectMany(r => r.Documents).Select(d => d.Text)));
        Assert.Equal(120, result.Entities.Count);
        Assert.All(result.Entities, m => Assert.Equal(m.Text, text.Substring(m.Offset, m.Length)));
    }

    [Fact]
    public async Task Batches_hold_at_most_the_configured_number_of_documents_in_article_order()
    {
        var text = Article(sentences: 30, sentence: i => $"Item {i}: NATO met. ");
        await using var harness = RecognizerHarness.Create(_server, new Dictionary<string, string?>
        {
            ["MaxTextElementsPerDocument"] = "40",
            ["MaxDocumentsPerRequest"] = "3",
        });

        var result = await harness.Recognizer.RecognizeAsync(text, "en", CancellationToken.None);

        Assert.All(_server.Requests, r => Assert.InRange(r.Documents.Count, 1, 3));
        var ids = _server.Requests.SelectMany(r => r.Documents).Select(d => int.Parse(d.Id, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(0, ids.Count), ids);
        Assert.Equal(AllOffsets(text, "NATO"), result.Entities.Select(m => m.Offset));
    }

    private static string Article(int sentences, Func<int, string> sentence)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < sentences; i++)
        {
            builder.Append(sentence(i));
        }
        return builder.ToString();
    }

    private static List<int> AllOffsets(string text, string phrase)
    {
        var offsets = new List<int>();
        for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            offsets.Add(at);
        }
        return offsets;
    }
}
