using System.Text.Json;

namespace Ingest.Cli.Bench;

/// <summary>
/// What a benchmark host writes to its counts file when it stops: the storage requests the pipeline's clients sent
/// (counted by the HttpPipelinePolicy) and all storage requests of the process (trigger engine included), by kind.
/// </summary>
internal sealed record HostRequestReport(IReadOnlyDictionary<string, long> Pipeline, IReadOnlyDictionary<string, long> All)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        // Write then rename, so the harness never reads a half-written file.
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(this, Json), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }

    public static async Task<HostRequestReport> ReadAsync(string path, CancellationToken cancellationToken) =>
        JsonSerializer.Deserialize<HostRequestReport>(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), Json)
        ?? throw new InvalidOperationException($"{path} holds no request counts.");
}
