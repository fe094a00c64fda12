using NJsonSchema;
using NJsonSchema.Validation;

namespace Ingest.IntegrationTests.Infrastructure;

/// <summary>Validates documents against the published v1 schema file, the same file consumers get.</summary>
public static class SchemaValidator
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "schema", "processed-document.v1.schema.json")).GetAwaiter().GetResult());

    public static void AssertValid(string json)
    {
        var errors = Schema.Value.Validate(json);
        Assert.True(errors.Count == 0, "Document violates the v1 schema: " + Describe(errors) + "\n" + (json.Length <= 1500 ? json : json[..1500] + "…"));
    }

    /// <summary>Errors with the errors of each oneOf branch, so a NotOneOf says which branch rejected what.</summary>
    private static string Describe(IEnumerable<ValidationError> errors) => string.Join("; ", errors.Select(e => e switch
    {
        ChildSchemaValidationError child => $"{e.Path}: {e.Kind} [{string.Join(" | ", child.Errors.Select(b => Describe(b.Value)))}]",
        _ => $"{e.Path}: {e.Kind}",
    }));
}
