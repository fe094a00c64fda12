using Ingest.Core.Storage;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace Ingest.Cli.Commands;

/// <summary>What every command needs: the storage settings from the environment, and consistent error output.</summary>
internal static class CliContext
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    /// <summary>The process environment as configuration: AzureWebJobsStorage, AzureWebJobsStorage__accountName, Ingest__…</summary>
    public static IConfiguration Configuration { get; } = new ConfigurationBuilder().AddEnvironmentVariables().Build();

    /// <summary>Storage settings read exactly as the function app reads them, identity connections included.</summary>
    public static StorageOptions StorageOptions => StorageOptions.FromConfiguration(Configuration);

    /// <summary>Errors go to stderr with what to do next, so scripts reading stdout (--json) are never polluted.</summary>
    public static int Error(string message, int exitCode = Failure)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
        return exitCode;
    }

    /// <summary>
    /// Fails fast when the configured storage is the local emulator and nothing listens there, instead of
    /// letting the SDK retry for a minute against a closed port.
    /// </summary>
    public static async Task<string?> CheckStorageReachableAsync(CancellationToken cancellationToken)
    {
        var options = StorageOptions;
        if (!StorageEndpoints.IsEmulator(options) || StorageEndpoints.BlobEndpoint(options) is not { } blob)
        {
            return null;
        }
        return await Local.AzuriteServer.IsListeningAsync(blob.Host, blob.Port, cancellationToken)
            ? null
            : $"Nothing answers at {blob.Scheme}://{blob.Host}:{blob.Port} (the storage emulator). Start it with './ingest up' in another terminal, "
              + "or set AzureWebJobsStorage to a reachable storage account.";
    }
}
