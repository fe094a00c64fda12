using System.Text;
using Azure.Data.Tables;
using Ingest.Core.Articles;
using Ingest.Core.Deduplication;
using Ingest.Core.Storage;
using Ingest.IntegrationTests.Infrastructure;

namespace Ingest.IntegrationTests;

/// <summary>Files dropped into a real Azurite, processed by the function classes on the JobHost, read back as a consumer would.</summary>
public sealed class ChainEndToEndTests(ChainFixture fixture) : IClassFixture<ChainFixture>
{
    private StorageClients Clients => fixture.Azurite.Clients;

    private const string Article = """
        Harbour authority approves new ferry route to the islands

        The Northport Harbour Authority approved a new ferry route on Tuesday, linking the mainland with the Skerry Islands for the first time in a decade.
        Chair Maria Lindqvist said the service would start in the spring and run twice a day.
        Residents of the islands had campaigned for the route since the old ferry company closed.
        """;

    // Stories of their own: variants of Article with a word swapped would be near duplicates of it.
    private const string BridgeArticle = """
        County engineers close the old stone bridge for winter repairs

        The county closed the Tarn stone bridge on Friday so engineers can replace its cracked parapets and resurface the deck.
        Drivers face a twelve-mile detour through Eastholm until the work ends in March, the highways office said.
        Shopkeepers in the village fear the detour will keep visitors away during the busiest weeks of the year.
        """;

    private const string TramArticle = """
        City council votes to extend the tram line to the university

        Councillors voted on Wednesday to extend the number four tram line by three stops to reach the university campus.
        Construction is planned to begin next summer and take two years, with buses replacing trams at weekends.
        Students' union leaders welcomed the decision but asked for later evening services during exam periods.
        """;

    [Fact]
    public async Task A_text_article_ends_processed_with_row_index_rows_blob_and_notification()
    {
        var (name, id) = await ChainDriver.DropAsync(Clients, "e2e/ferry-route.txt", Article);

        var document = await ChainDriver.WaitForOutcomeAsync(Clients, id);

        Assert.Equal(ArticleStatus.Processed, document.Status);
        Assert.Equal(id, document.Id);
        Assert.Equal(name, document.Source.Name);
        Assert.Equal(ChainNames.IncomingContainer, document.Source.Container);
        Assert.Equal(Encoding.UTF8.GetByteCount(Article), document.Source.SizeBytes);
        Assert.Equal("Harbour authority approves new ferry route to the islands", document.Article!.Title);
        Assert.Contains("Skerry Islands", document.Article.Text);
        Assert.Null(document.Dedup!.DuplicateOf);
        Assert.NotNull(document.Recognizer);
        Assert.NotNull(document.ProcessedAt);

        var row = (await Clients.Table(ChainNames.ArticlesTable).GetEntityAsync<TableEntity>(id, ArticleRows.ArticleRowKey)).Value;
        Assert.Equal(ArticleStatus.Processed, row.GetString("Status"));
        Assert.Equal($"processed/{id}.json", row.GetString("DocumentBlob"));

        var blob = await Clients.Container(ChainNames.ProcessedContainer).GetBlobClient(id + ".json").DownloadContentAsync();
        var json = blob.Value.Content.ToString();
        SchemaValidator.AssertValid(json);
        // The row's inline copy and the blob are the same serialized document.
        Assert.Equal(DocumentJson.Serialize(document), json);

        var statusIndex = Clients.Table(ChainNames.ArticleIndexTable).QueryAsync<TableEntity>(e => e.PartitionKey == "status-processed" && e.RowKey == id);
        Assert.NotEmpty(await statusIndex.ToListAsync());
        foreach (var entity in document.EntitySummary)
        {
            var rows = await Clients.Table(ChainNames.EntityIndexTable)
                .QueryAsync<TableEntity>(e => e.PartitionKey == TableKeys.ForEntity(entity.Canonical)).ToListAsync();
            Assert.Contains(rows, r => r.GetString("ArticleId") == id);
        }

        // The consumer access patterns: by entity, by status, new since a time.
        var queries = new ArticleQueries(Clients, TimeProvider.System);
        Assert.NotEmpty(document.EntitySummary);
        var mentioned = document.EntitySummary[0].Canonical;
        Assert.Contains(await queries.FindAsync(new ArticleQuery(Entity: mentioned.ToUpperInvariant()), default), d => d.Id == id);
        Assert.Contains(await queries.FindAsync(new ArticleQuery(Status: ArticleStatus.Processed), default), d => d.Id == id);
        Assert.DoesNotContain(await queries.FindAsync(new ArticleQuery(Status: ArticleStatus.Rejected), default), d => d.Id == id);
        Assert.Contains(await queries.FindAsync(new ArticleQuery(Since: document.ProcessedAt!.Value.AddSeconds(-1)), default), d => d.Id == id);
        Assert.DoesNotContain(await queries.FindAsync(new ArticleQuery(Since: document.ProcessedAt!.Value.AddSeconds(1)), default), d => d.Id == id);

        // At least once: a second run of the blob version (trigger and sweep) may have sent its own, saying the same.
        var mine = (await QueueInspector.ReadNotificationsAsync(Clients)).Where(n => n.Id == id).ToList();
        Assert.NotEmpty(mine);
        Assert.All(mine, n =>
        {
            Assert.Equal(ArticleStatus.Processed, n.Status);
            Assert.Equal($"processed/{id}.json", n.Document);
        });
    }

    [Fact]
    public async Task An_exact_copy_under_another_name_is_a_duplicate_of_the_first()
    {
        var (_, firstId) = await ChainDriver.DropAsync(Clients, "dup/original.txt", BridgeArticle);
        var first = await ChainDriver.WaitForOutcomeAsync(Clients, firstId);
        // Different bytes, same text once normalized: CRLF line endings and a UTF-8 BOM.
        var copyBytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(BridgeArticle.ReplaceLineEndings("\r\n"))).ToArray();
        var (_, copyId) = await ChainDriver.DropAsync(Clients, "dup/Copy of original (2).txt", copyBytes, "text/plain");

        var copy = await ChainDriver.WaitForOutcomeAsync(Clients, copyId);

        Assert.Equal(ArticleStatus.Processed, first.Status);
        Assert.Equal(ArticleStatus.Duplicate, copy.Status);
        Assert.Equal(DuplicateKind.Exact, copy.Dedup!.Kind);
        Assert.Equal(firstId, copy.Dedup.DuplicateOf);
        Assert.Equal(first.Dedup!.ContentHash, copy.Dedup.ContentHash);
        Assert.Empty(copy.Entities);
        SchemaValidator.AssertValid(DocumentJson.Serialize(copy));
    }

    [Theory]
    [InlineData("reject/empty.txt", new byte[0], RejectionCodes.Empty)]
    [InlineData("reject/blank.txt", new byte[] { 0x20, 0x0A, 0x09, 0x0D, 0x0A }, RejectionCodes.Empty)]
    [InlineData("reject/image.png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0 }, RejectionCodes.Binary)]
    public async Task Bad_input_is_rejected_at_once_with_its_reason_code(string name, byte[] content, string code)
    {
        var (_, id) = await ChainDriver.DropAsync(Clients, name, content, "application/octet-stream");

        var document = await ChainDriver.WaitForOutcomeAsync(Clients, id);

        Assert.Equal(ArticleStatus.Rejected, document.Status);
        Assert.Equal(code, document.Rejection!.Code);
        Assert.False(string.IsNullOrWhiteSpace(document.Rejection.Message));
        Assert.Null(document.Article);
        SchemaValidator.AssertValid(DocumentJson.Serialize(document));
    }

    [Fact]
    public async Task Random_bytes_are_rejected_as_binary()
    {
        var random = new byte[4096];
        new Random(42).NextBytes(random);
        var (_, id) = await ChainDriver.DropAsync(Clients, "reject/random.bin", random);

        var document = await ChainDriver.WaitForOutcomeAsync(Clients, id);

        Assert.Equal(ArticleStatus.Rejected, document.Status);
        Assert.Equal(RejectionCodes.Binary, document.Rejection!.Code);
    }

    [Fact]
    public async Task A_body_too_big_for_a_table_property_lives_in_the_blob_and_the_row_stays_within_limits()
    {
        var paragraph = "The council debated the harbour budget for another long evening, and the minutes ran to many pages. ";
        var body = new StringBuilder("Council publishes the full harbour budget debate\n\n");
        for (var i = 0; body.Length < 200_000; i++)
        {
            body.Append(paragraph).Append("Item ").Append(i).Append(".\n\n");
        }
        var (_, id) = await ChainDriver.DropAsync(Clients, "large/budget-debate.txt", body.ToString());

        var document = await ChainDriver.WaitForOutcomeAsync(Clients, id);

        Assert.Equal(ArticleStatus.Processed, document.Status);
        Assert.True(document.Article!.Text.Length > 150_000);
        var row = (await Clients.Table(ChainNames.ArticlesTable).GetEntityAsync<TableEntity>(id, ArticleRows.ArticleRowKey)).Value;
        Assert.False(row.ContainsKey("Document"));
        Assert.All(((IDictionary<string, object>)row).Values.OfType<string>(), value => Assert.True(value.Length <= 32 * 1024));
        SchemaValidator.AssertValid(DocumentJson.Serialize(document));
    }

    [Theory]
    [InlineData("folder/sub folder/Zürich Nachrichten #1.txt")]
    [InlineData("news?/100% sure & #1 (draft).txt")]
    [InlineData("日本/東京の記事.txt")]
    public async Task Any_blob_name_works_and_is_kept_as_the_source_name(string name)
    {
        var text = $"Market report for {name.Length} stalls\n\nTraders at the old market counted their stalls again this week and found more than last year.";
        var (_, id) = await ChainDriver.DropAsync(Clients, name, text);

        var document = await ChainDriver.WaitForOutcomeAsync(Clients, id);

        Assert.Equal(name, document.Source.Name);
        Assert.Contains(document.Status, new[] { ArticleStatus.Processed, ArticleStatus.Duplicate });
        SchemaValidator.AssertValid(DocumentJson.Serialize(document));
    }

    [Fact]
    public async Task Concurrent_claims_of_one_hash_make_exactly_one_canonical_article()
    {
        var index = new TableDuplicateIndex(Clients, Microsoft.Extensions.Options.Options.Create(new NearDuplicateOptions()), TimeProvider.System);
        var hash = ContentHash.Compute("claimed by many at once " + Guid.NewGuid());
        var ids = Enumerable.Range(0, 24).Select(i => ArticleId.ForBlob("incoming", $"race-{i}.txt", "etag")).ToList();

        var claims = await Task.WhenAll(ids.Select(id => Task.Run(() => index.ClaimExactAsync(hash, id, CancellationToken.None))));

        var canonical = Assert.Single(claims, c => c.IsCanonical);
        Assert.All(claims, c => Assert.Equal(canonical.CanonicalId, c.CanonicalId));
        // Claiming again as the owner stays canonical: re-delivery is idempotent.
        Assert.True((await index.ClaimExactAsync(hash, canonical.CanonicalId, CancellationToken.None)).IsCanonical);
    }

    [Fact]
    public async Task Two_hosts_racing_on_copies_of_one_story_publish_one_canonical_record()
    {
        await using var secondHost = await ChainHost.StartAsync(fixture.Azurite);
        var story = TramArticle;
        var drops = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => ChainDriver.DropAsync(Clients, $"race/copy-{i:00}.txt", story)));

        var outcomes = await ChainDriver.WaitForOutcomesAsync(Clients, drops.Select(d => d.ArticleId).ToList());

        var canonical = Assert.Single(outcomes, o => o.Status == ArticleStatus.Processed);
        Assert.All(outcomes.Where(o => o != canonical), o =>
        {
            Assert.Equal(ArticleStatus.Duplicate, o.Status);
            Assert.Equal(canonical.Id, o.Dedup!.DuplicateOf);
        });
    }
}
