using NJsonSchema;

namespace Ingest.IntegrationTests.Infrastructure;

/// <summary>Validates documents against the published v1 schema file, the same file consumers get.</summary>
public static class SchemaValidator
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "schema", "processed-document.v1.schema.json")).GetAwaiter().GetResult());

    public static void AssertValid(string json)
    {
        var errors = Schema.Value.Validate(json);
        Assert.True(errors.Count == 0, "Document violates the v1 schema: " + string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}")) + "\n" + (json.Length <= 1500 ? json : json[..1500] + "…"));
    }
}
