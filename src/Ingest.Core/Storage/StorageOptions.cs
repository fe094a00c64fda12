namespace Ingest.Core.Storage;

/// <summary>
/// How to reach storage. Either a connection string (<c>AzureWebJobsStorage</c>, default
/// <c>UseDevelopmentStorage=true</c>) or, in Azure, identity-based settings
/// (<c>AzureWebJobsStorage__accountName</c> or the <c>__blobServiceUri</c>/<c>__queueServiceUri</c>/
/// <c>__tableServiceUri</c> trio) with <c>DefaultAzureCredential</c> — the same settings the Functions host reads.
/// </summary>
public sealed class StorageOptions
{
    public const string ConnectionName = "AzureWebJobsStorage";
    public const string DevelopmentConnectionString = "UseDevelopmentStorage=true";

    public string? ConnectionString { get; set; }
    public string? AccountName { get; set; }
    public Uri? BlobServiceUri { get; set; }
    public Uri? QueueServiceUri { get; set; }
    public Uri? TableServiceUri { get; set; }
    /// <summary>Managed identity client id for a user-assigned identity (<c>AzureWebJobsStorage__clientId</c>).</summary>
    public string? ClientId { get; set; }

    public bool UsesIdentity => string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>
    /// Reads the settings the way the Functions host does: <c>AzureWebJobsStorage</c> as a connection string, or
    /// its <c>accountName</c> / <c>blobServiceUri</c>… children for identity connections; nothing set means the emulator.
    /// </summary>
    public static StorageOptions FromConfiguration(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var section = configuration.GetSection(ConnectionName);
        var options = new StorageOptions
        {
            AccountName = section["accountName"],
            BlobServiceUri = UriOrNull(section["blobServiceUri"]),
            QueueServiceUri = UriOrNull(section["queueServiceUri"]),
            TableServiceUri = UriOrNull(section["tableServiceUri"]),
            ClientId = section["clientId"],
        };
        var identityConfigured = options.AccountName is not null || options.BlobServiceUri is not null;
        options.ConnectionString = section.Value is { Length: > 0 } value ? value
            : identityConfigured ? null
            : DevelopmentConnectionString;
        return options;
    }

    private static Uri? UriOrNull(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : null;
}
