using Ingest.Core.Articles;
using Ingest.Core.Configuration;
using Ingest.Core.Recognition;
using Ingest.Core.Recognition.AzureLanguage;
using Ingest.Core.Recognition.Offline;
using Ingest.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NJsonSchema;

namespace Ingest.Core.Tests.Pipeline;

/// <summary>The v1 document's wire shape, its table-row mapping, and the recognizer chosen by configuration.</summary>
public sealed class ContractTests
{
    private static readonly JsonSchema Schema =
        JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "schema", "processed-document.v1.schema.json")).GetAwaiter().GetResult();

    private static ProcessedDocument Processed(string text) => new()
    {
        Id = ArticleId.ForBlob("incoming", "a.txt", "1"),
        Status = ArticleStatus.Processed,
        Source = new SourceInfo { Container = "incoming", Name = "a.txt", ETag = "\"0x1\"", SizeBytes = text.Length, ReceivedAt = DateTimeOffset.UnixEpoch },
        Article = new ArticleContent { Title = "Title", Text = text, WordCount = 2 },
        Dedup = new DedupInfo { ContentHash = new string('a', 64) },
        Entities = [new EntityMention { Text = "Title", Category = EntityCategories.Organization, Offset = 0, Length = 5, Confidence = 0.5, Canonical = "Title" }],
        EntitySummary = [new EntitySummaryItem { Canonical = "Title", Category = EntityCategories.Organization, Mentions = 1 }],
        Recognizer = new RecognizerInfo { Name = "r", Version = "1" },
        ProcessedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void Documents_write_every_contract_field_with_its_contract_name()
    {
        var json = DocumentJson.Serialize(Processed("Title body"));

        Assert.Empty(Schema.Validate(json));
        foreach (var field in new[] { "\"etag\":", "\"rejection\":null", "\"failure\":null", "\"duplicateOf\":null", "\"publishedAt\":null", "\"schemaVersion\":\"1.0\"" })
        {
            Assert.Contains(field, json);
        }
    }

    [Fact]
    public void The_schema_refuses_a_document_that_breaks_the_contract()
    {
        var rejectedWithoutReason = DocumentJson.Serialize(Processed("x") with { Status = ArticleStatus.Rejected });
        var badOffset = DocumentJson.Serialize(Processed("x") with
        {
            Entities = [new EntityMention { Text = "x", Category = "Person", Offset = -1, Length = 1, Confidence = 0.5 }],
        });

        Assert.NotEmpty(Schema.Validate(rejectedWithoutReason));
        Assert.NotEmpty(Schema.Validate(badOffset));
    }

    [Fact]
    public void Documents_round_trip()
    {
        var document = Processed("Title body");
        var json = DocumentJson.Serialize(document);

        Assert.Equal(json, DocumentJson.Serialize(DocumentJson.Deserialize(json)));
        Assert.Single(DocumentJson.DeserializeList(DocumentJson.SerializeList([document])));
    }

    [Fact]
    public void A_document_too_big_for_a_property_stays_out_of_the_row()
    {
        var small = Processed("short text");
        var large = Processed(new string('w', 40_000));

        var smallRow = ArticleRows.ToArticleEntity(small, DocumentJson.Serialize(small), 30_000);
        var largeRow = ArticleRows.ToArticleEntity(large, DocumentJson.Serialize(large), 30_000);

        Assert.True(smallRow.ContainsKey("Document"));
        Assert.False(largeRow.ContainsKey("Document"));
        Assert.Equal($"processed/{large.Id}.json", largeRow.GetString("DocumentBlob"));
    }

    [Fact]
    public void Index_rows_have_valid_keys_for_any_entity_name()
    {
        var document = Processed("x") with
        {
            EntitySummary = [new EntitySummaryItem { Canonical = "AC/DC #1? \\ \u0007", Category = "Organization", Mentions = 1 }],
        };

        var rows = ArticleRows.ToIndexEntities(document).Concat(ArticleRows.ToEntityIndexEntities(document)).ToList();

        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.True(TableKeys.IsValidKey(r.PartitionKey) && TableKeys.IsValidKey(r.RowKey), r.PartitionKey + " " + r.RowKey));
    }

    [Fact]
    public void The_offline_recognizer_is_the_default()
    {
        using var services = Build(new Dictionary<string, string?>());

        Assert.IsType<OfflineEntityRecognizer>(services.GetRequiredService<IEntityRecognizer>());
    }

    [Fact]
    public void Azure_ai_language_is_chosen_by_configuration()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            [StageRegistrations.RecognizerKindKey] = "azure-language",
            ["Recognizer:AzureLanguage:Endpoint"] = "https://contoso.cognitiveservices.azure.com/",
            ["Recognizer:AzureLanguage:Key"] = "test-key",
        });

        Assert.IsType<AzureLanguageEntityRecognizer>(services.GetRequiredService<IEntityRecognizer>());
    }

    [Fact]
    public void An_unknown_recognizer_kind_says_which_kinds_exist()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new Dictionary<string, string?> { [StageRegistrations.RecognizerKindKey] = "spacy" }));

        Assert.Contains("offline", error.Message);
        Assert.Contains("azure-language", error.Message);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddLogging()
            .AddIngestProcessing(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
}
