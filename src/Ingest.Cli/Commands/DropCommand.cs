using System.CommandLine;
using Azure.Storage.Blobs.Models;
using Ingest.Core.Storage;
using Spectre.Console;

namespace Ingest.Cli.Commands;

/// <summary>
/// <c>ingest drop PATH...</c>: uploads files, and folders recursively, into the incoming container.
/// A file's blob name is its file name; a file found inside a folder keeps its path relative to that folder.
/// </summary>
internal static class DropCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files or folders to upload (folders recursively).",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("drop", "Upload article files into the incoming container, where the pipeline picks them up.") { paths };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(paths)!, ct));
        return command;
    }

    internal static IReadOnlyList<(string File, string BlobName)> Expand(IEnumerable<string> paths)
    {
        var uploads = new List<(string, string)>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                uploads.Add((Path.GetFullPath(path), Path.GetFileName(path)));
            }
            else if (Directory.Exists(path))
            {
                var root = Path.GetFullPath(path);
                foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    uploads.Add((file, Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/')));
                }
            }
            else
            {
                throw new FileNotFoundException($"No such file or folder: {path}");
            }
        }
        return uploads;
    }

    private static async Task<int> RunAsync(string[] paths, CancellationToken cancellationToken)
    {
        IReadOnlyList<(string File, string BlobName)> uploads;
        try
        {
            uploads = Expand(paths);
        }
        catch (FileNotFoundException ex)
        {
            return CliContext.Error(ex.Message, CliContext.UsageError);
        }
        if (uploads.Count == 0)
        {
            return CliContext.Error("Nothing to upload: the folders given are empty.", CliContext.UsageError);
        }
        if (await CliContext.CheckStorageReachableAsync(cancellationToken) is { } unreachable)
        {
            return CliContext.Error(unreachable);
        }

        var clients = new StorageClients(CliContext.StorageOptions);
        var container = clients.Container(ChainNames.IncomingContainer);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

        var uploaded = new List<(string BlobName, long Bytes)>();
        await AnsiConsole.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"Uploading {uploads.Count} file(s) to {ChainNames.IncomingContainer}", maxValue: uploads.Count);
                foreach (var (file, blobName) in uploads)
                {
                    await using var stream = File.OpenRead(file);
                    await container.GetBlobClient(blobName).UploadAsync(
                        stream,
                        new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = ContentTypeOf(file) } },
                        cancellationToken);
                    uploaded.Add((blobName, stream.Length));
                    task.Increment(1);
                }
            });

        var table = new Table().Border(TableBorder.Simple).AddColumn("Uploaded to " + ChainNames.IncomingContainer).AddColumn(new TableColumn("Bytes").RightAligned());
        foreach (var (blobName, bytes) in uploaded)
        {
            table.AddRow(Markup.Escape(blobName), bytes.ToString("N0"));
        }
        AnsiConsole.Write(table);
        return CliContext.Success;
    }

    private static string ContentTypeOf(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".txt" => "text/plain",
        ".html" or ".htm" => "text/html",
        ".json" => "application/json",
        ".md" => "text/markdown",
        _ => "application/octet-stream",
    };
}
