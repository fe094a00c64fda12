using Azure;
using Azure.Data.Tables;
using Ingest.Core.Pipeline;

namespace Ingest.Core.Storage;

/// <summary>The last error per (article, stage), overwritten on each attempt.</summary>
public sealed class TableStageErrorLog(StorageClients clients) : IStageErrorLog
{
    private const int MaxErrorChars = 4_000;

    public Task RecordAsync(string articleId, string stage, Exception error, int attempt, CancellationToken cancellationToken) =>
        clients.Table(ChainNames.StageErrorsTable).UpsertEntityAsync(
            new TableEntity(articleId, stage)
            {
                ["Error"] = Describe(error),
                ["Attempt"] = attempt,
            },
            TableUpdateMode.Replace,
            cancellationToken);

    public async Task<StageError?> FindAsync(string articleId, string stage, CancellationToken cancellationToken)
    {
        var row = await clients.Table(ChainNames.StageErrorsTable)
            .GetEntityIfExistsAsync<TableEntity>(articleId, stage, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue
            ? new StageError(stage, row.Value!.GetString("Error") ?? "(no message)", row.Value.GetInt32("Attempt") ?? 0)
            : null;
    }

    /// <summary>Type and message, plus the service's status and error code when storage said no. Never article text.</summary>
    internal static string Describe(Exception error)
    {
        var text = error switch
        {
            RequestFailedException rfe => $"{rfe.GetType().Name}: status {rfe.Status}, code {rfe.ErrorCode ?? "none"}: {FirstLine(rfe.Message)}",
            _ => $"{error.GetType().Name}: {error.Message}",
        };
        if (error.InnerException is { } inner)
        {
            text += $" ---> {inner.GetType().Name}: {inner.Message}";
        }
        return text.Length <= MaxErrorChars ? text : text[..MaxErrorChars];
    }

    private static string FirstLine(string message)
    {
        var newline = message.IndexOf('\n');
        return newline < 0 ? message : message[..newline].TrimEnd();
    }
}
