using System.Text;
using Ingest.Core.Articles;
using Ingest.Core.Pipeline;
using Ingest.Core.Storage;
using Ingest.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Ingest.IntegrationTests;

/// <summary>One hostile input: what is dropped, under which name, and the exact outcome it must end in.</summary>
public sealed record HostileCase(string Key, string BlobName, Func<byte[]> Content, string Status, string? Code = null, Action<ProcessedDocument>? Check = null);

/// <summary>
/// Drops every hostile case into one running chain at once and waits until each has an outcome, so the
/// suite costs one pipeline run; each case is then asserted as its own test.
/// </summary>
public sealed class HostileInputFixture : IAsyncLifetime
{
    private const string Article = "Harbour council meets\n\nThe harbour council met on Tuesday to discuss the new ferry timetable for the islands.";
    private static readonly Random Random = new(20261123);

    public static readonly IReadOnlyList<HostileCase> Cases =
    [
        new("empty", "hostile/empty.txt", () => [], ArticleStatus.Rejected, RejectionCodes.Empty),
        new("whitespace", "hostile/whitespace.txt", () => Encoding.ASCII.GetBytes("  \n\t\r\n   \n"), ArticleStatus.Rejected, RejectionCodes.Empty),
        new("bom-only", "hostile/bom-only.txt", () => [0xEF, 0xBB, 0xBF], ArticleStatus.Rejected, RejectionCodes.Empty),
        new("random-bytes", "hostile/random.bin", () => RandomBytes(8192), ArticleStatus.Rejected, RejectionCodes.Binary),
        new("png", "hostile/picture.png", () => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. RandomBytes(2048)], ArticleStatus.Rejected, RejectionCodes.Binary),
        new("zip", "hostile/archive.zip", () => [(byte)'P', (byte)'K', 3, 4, .. RandomBytes(2048)], ArticleStatus.Rejected, RejectionCodes.Binary),
        new("pdf", "hostile/paper.pdf", () => [.. "%PDF-1.7\n"u8, .. RandomBytes(2048)], ArticleStatus.Rejected, RejectionCodes.Binary),
        new("text-with-nuls", "hostile/nuls.txt", () => Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("Body\0with\0nuls\0", 200))), ArticleStatus.Rejected, RejectionCodes.Binary),
        new("invalid-utf8", "hostile/invalid-utf8.txt", () => [.. "Invalid sequences\n\nThe body has "u8, 0xC3, 0x28, .. " broken bytes in it, and more words."u8],
            ArticleStatus.Processed, Check: d => Assert.Equal("Invalid sequences", d.Article!.Title)),
        new("utf16le-bom", "hostile/utf16le-bom.txt", () => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Story("Harbour council meets", 1))], ArticleStatus.Processed, Check: TitleIsHarbourCouncil),
        new("utf16be-bom", "hostile/utf16be-bom.txt", () => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Story("Harbour council meets", 2))], ArticleStatus.Processed, Check: TitleIsHarbourCouncil),
        new("utf16le-no-bom", "hostile/utf16le.txt", () => Encoding.Unicode.GetBytes(Story("Harbour council meets", 3)), ArticleStatus.Processed, Check: TitleIsHarbourCouncil),
        new("utf16be-no-bom", "hostile/utf16be.txt", () => Encoding.BigEndianUnicode.GetBytes(Story("Harbour council meets", 4)), ArticleStatus.Processed, Check: TitleIsHarbourCouncil),
        new("windows-1252", "hostile/cp1252.txt", () => Encoding.Latin1.GetBytes("Caf\u00e9 owners protest\n\nOwners of the caf\u00e9 said the new rules were unfair to small businesses.").Select(b => b).ToArray(),
            ArticleStatus.Processed, Check: d => Assert.Equal("Café owners protest", d.Article!.Title)),
        new("mixed-line-endings", "hostile/mixed-eol.txt", () => Encoding.UTF8.GetBytes("Mixed endings survive\r\n\r\nFirst paragraph here.\r\rSecond paragraph here.\n\nThird paragraph here.\r\n"),
            ArticleStatus.Processed, Check: d => Assert.Contains("Third paragraph here.", d.Article!.Text)),
        new("10mb-single-line", "hostile/one-line.txt", () => Encoding.ASCII.GetBytes("One enormous line\n" + string.Concat(Enumerable.Repeat("word ", 1_990_000))),
            ArticleStatus.Processed, Check: d => Assert.True(d.Article!.WordCount > 1_900_000)),
        new("over-size-limit", "hostile/too-big.txt", () => new byte[10 * 1024 * 1024 + 1], ArticleStatus.Rejected, RejectionCodes.TooLarge),
        new("deeply-nested-html", "hostile/deep.html", () => Encoding.ASCII.GetBytes("<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "x" + string.Concat(Enumerable.Repeat("</div>", 100_000))),
            ArticleStatus.Rejected, RejectionCodes.TooComplex),
        new("html-only-scripts", "hostile/scripts.html", () => Encoding.ASCII.GetBytes("<html><head><script>var a = 1;</script></head><body>" + string.Concat(Enumerable.Repeat("<script>track()</script>", 500)) + "</body></html>"),
            ArticleStatus.Rejected, RejectionCodes.NoText),
        new("html-external-resources", "hostile/external.html", () => Encoding.ASCII.GetBytes("<html><head><link rel=stylesheet href=\"http://203.0.113.9/x.css\"><script src=\"http://203.0.113.9/x.js\"></script></head><body><article><h1>External resources stay unfetched</h1><p>This page references images, frames and scripts on another host, none of which may be fetched while the page is parsed.</p><img src=\"http://203.0.113.9/a.png\"><iframe src=\"http://203.0.113.9/\"></iframe></article></body></html>"),
            ArticleStatus.Processed, Check: d => Assert.Equal("External resources stay unfetched", d.Article!.Title)),
        new("malformed-json", "hostile/broken.json", () => Encoding.ASCII.GetBytes("{\"title\": \"x\", \"body\": "), ArticleStatus.Rejected, RejectionCodes.Malformed),
        new("json-wrong-types", "hostile/types.json", () => Encoding.ASCII.GetBytes("{\"title\": 42, \"body\": [\"a\", \"b\"]}"), ArticleStatus.Rejected, RejectionCodes.Malformed),
        new("json-without-body", "hostile/nobody.json", () => Encoding.ASCII.GetBytes("{\"title\": \"Only a title\"}"), ArticleStatus.Rejected, RejectionCodes.Malformed),
        new("zero-width-spam", "hostile/zero-width.txt", () => Encoding.UTF8.GetBytes("Zero width spam\n\nThe\u200b body\u200c of\u200d this\ufeff article" + string.Concat(Enumerable.Repeat("\u200b\u200c", 50_000)) + " ends here."),
            ArticleStatus.Processed, Check: d => Assert.DoesNotContain('\u200b', d.Article!.Text)),
        new("stray-control-characters", "hostile/stray-controls.txt", () => Encoding.UTF8.GetBytes("Stray\u0007 bytes\n\nA\u0001 keeper\u0007 waved\u001B."),
            ArticleStatus.Processed, Check: d => Assert.Equal("A keeper waved.", d.Article!.Text)),
        new("zero-width-only", "hostile/zero-width-only.txt", () => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("\u200b\u200c\u200d", 1000))), ArticleStatus.Rejected, RejectionCodes.NoText),
        new("right-to-left", "hostile/arabic.txt", () => Encoding.UTF8.GetBytes("عنوان الخبر المحلي\n\nهذا نص عربي طويل عن الأخبار المحلية في المدينة وعن المجلس البلدي."),
            ArticleStatus.Processed, Check: d => Assert.Equal("عنوان الخبر المحلي", d.Article!.Title)),
        new("cjk", "hostile/japanese.txt", () => Encoding.UTF8.GetBytes("東京の新しい公園\n\n東京都は月曜日に新しい公園を開設したと発表した。公園は駅の近くにある。"),
            ArticleStatus.Processed, Check: d => Assert.Equal("ja", d.Article!.Language)),
        new("thousands-of-entities", "hostile/many-names.txt", () => Encoding.UTF8.GetBytes("A register of delegates\n\n" + string.Join(" ", Enumerable.Range(0, 2500).Select(i => $"Delegate Anna Lindberg{i} of Northport spoke."))),
            ArticleStatus.Processed, Check: d => Assert.True(d.Entities.Count > 1000, $"{d.Entities.Count} entities")),
        new("name-with-spaces", "hostile/a name with  spaces .txt", () => Encoding.UTF8.GetBytes(Story("Unusual name 0", 10)), ArticleStatus.Processed),
        new("name-with-hash-and-question", "hostile/#1 what? now.txt", () => Encoding.UTF8.GetBytes(Story("Unusual name 1", 11)), ArticleStatus.Processed),
        new("name-non-ascii", "hostile/Zürich–Ελλάδα–東京.txt", () => Encoding.UTF8.GetBytes(Story("Unusual name 2", 12)), ArticleStatus.Processed),
        new("name-1024-chars", "hostile/" + new string('n', 1024 - "hostile/".Length - 4) + ".txt", () => Encoding.UTF8.GetBytes(Story("Unusual name 3", 13)), ArticleStatus.Processed),
        new("nested-folders", "hostile/a/b/c/d/e/f/deep-folder.txt", () => Encoding.UTF8.GetBytes(Story("Unusual name 4", 14)), ArticleStatus.Processed),
        new("markdown", "hostile/notes.md", () => Encoding.UTF8.GetBytes("# Markdown survives\n\nA *markdown* article with a [link](http://example.org) and **bold** words in its body.\n"),
            ArticleStatus.Processed, Check: d => Assert.Equal("Markdown survives", d.Article!.Title)),
    ];

    private static void TitleIsHarbourCouncil(ProcessedDocument d) => Assert.Equal("Harbour council meets", d.Article!.Title);

    /// <summary>A story no other case shares four words in a row with, so near-duplicate detection leaves each case alone.</summary>
    private static string Story(string title, int seed) => $"{title}\n\n{TestTexts.DistinctBody(seed)}";

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        lock (Random)
        {
            Random.NextBytes(bytes);
        }
        return bytes;
    }

    public ChainFixture Chain { get; } = new();
    public Dictionary<string, ProcessedDocument> Outcomes { get; } = new();

    public async Task InitializeAsync()
    {
        await Chain.InitializeAsync();
        var drops = await Task.WhenAll(Cases.Select(async c => (c.Key, Drop: await ChainDriver.DropAsync(Chain.Azurite.Clients, c.BlobName, c.Content(), "application/octet-stream"))));
        var documents = await ChainDriver.WaitForOutcomesAsync(Chain.Azurite.Clients, drops.Select(d => d.Drop.ArticleId).ToList(), TimeSpan.FromMinutes(4));
        for (var i = 0; i < drops.Length; i++)
        {
            Outcomes[drops[i].Key] = documents[i];
        }
    }

    public Task DisposeAsync() => Chain.DisposeAsync();
}

public sealed class HostileInputTests(HostileInputFixture fixture) : IClassFixture<HostileInputFixture>
{
    public static TheoryData<string> CaseKeys => [.. HostileInputFixture.Cases.Select(c => c.Key)];

    [Theory]
    [MemberData(nameof(CaseKeys))]
    public void Each_hostile_input_ends_in_its_exact_outcome(string key)
    {
        var expected = HostileInputFixture.Cases.Single(c => c.Key == key);
        var document = fixture.Outcomes[key];

        Assert.Equal(expected.BlobName, document.Source.Name);
        Assert.True(expected.Status == document.Status, $"{key}: expected {expected.Status}, got {document.Status} ({document.Rejection?.Code}: {document.Rejection?.Message})");
        Assert.Equal(expected.Code, document.Rejection?.Code);
        expected.Check?.Invoke(document);
        SchemaValidator.AssertValid(DocumentJson.Serialize(document));
    }

    [Fact]
    public void The_suite_covers_at_least_thirty_cases() => Assert.True(HostileInputFixture.Cases.Count >= 30);

    [Fact]
    public async Task A_blob_deleted_before_its_turn_is_rejected_as_source_deleted()
    {
        var clients = fixture.Chain.Azurite.Clients;
        var blob = clients.Container(ChainNames.IncomingContainer).GetBlobClient("hostile/deleted-early.txt");
        var etag = (await blob.UploadAsync(BinaryData.FromString("Gone soon\n\nThis blob is deleted before the clean stage reads it."))).Value.ETag.ToString();
        await blob.DeleteAsync();

        // The trigger may or may not have seen it; run the stage for that version as a late trigger would.
        await fixture.Chain.Host.Services.GetRequiredService<CleanStage>()
            .RunAsync(new SourceBlobRef(ChainNames.IncomingContainer, blob.Name, etag), CancellationToken.None);
        var document = await ChainDriver.WaitForOutcomeAsync(clients, ArticleId.ForBlob(ChainNames.IncomingContainer, blob.Name, etag));

        Assert.Equal(ArticleStatus.Rejected, document.Status);
        Assert.Equal(RejectionCodes.SourceDeleted, document.Rejection!.Code);
    }

    [Fact]
    public void Every_table_key_written_for_hostile_names_is_valid()
    {
        foreach (var document in fixture.Outcomes.Values)
        {
            Assert.True(TableKeys.IsValidKey(document.Id));
            foreach (var row in ArticleRows.ToIndexEntities(document).Concat(ArticleRows.ToEntityIndexEntities(document)))
            {
                Assert.True(TableKeys.IsValidKey(row.PartitionKey) && TableKeys.IsValidKey(row.RowKey), $"{row.PartitionKey} / {row.RowKey}");
            }
        }
    }
}
