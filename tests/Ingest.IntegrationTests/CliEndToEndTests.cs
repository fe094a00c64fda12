using Ingest.Core.Articles;
using Ingest.IntegrationTests.Infrastructure;

namespace Ingest.IntegrationTests;

/// <summary>
/// The "done" scenario, through the real CLI in separate processes: `ingest up` hosting the
/// functions against the user's own Azurite, `ingest drop` of articles, an exact copy, an empty and a
/// binary file, then `ingest results --json` showing every record with all v1 fields.
/// </summary>
public sealed class CliEndToEndTests(BareAzuriteFixture azurite) : IClassFixture<BareAzuriteFixture>
{
    private readonly CliRunner _cli = new(azurite.ConnectionString, azurite.Layout.Root);

    [Fact]
    public async Task Up_drop_and_results_give_processed_duplicate_and_rejected_records()
    {
        // Nothing processed yet, no tables even: an empty array and success.
        var (emptyExit, emptyOut, emptyErr) = await _cli.RunAsync("results", "--json");
        Assert.True(emptyExit == 0, emptyErr);
        Assert.Equal("[]", emptyOut.Trim());

        var drop = Directory.CreateTempSubdirectory("ingest-drop-");
        var samples = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples")).Order(StringComparer.Ordinal).ToArray();
        foreach (var sample in samples)
        {
            File.Copy(sample, Path.Combine(drop.FullName, Path.GetFileName(sample)));
        }
        var copied = Path.GetFileName(samples.First(s => s.EndsWith(".txt", StringComparison.Ordinal)));
        File.Copy(Path.Combine(drop.FullName, copied), Path.Combine(drop.FullName, "copy of " + copied));
        await File.WriteAllBytesAsync(Path.Combine(drop.FullName, "empty.txt"), []);
        var binary = new byte[3000];
        new Random(7).NextBytes(binary);
        await File.WriteAllBytesAsync(Path.Combine(drop.FullName, "photo.jpg"), [0xFF, 0xD8, 0xFF, 0xE0, .. binary]);
        var expectedCount = samples.Length + 3;

        await using var up = _cli.Start("up");
        await up.WaitForOutputAsync("Ingest is running", TimeSpan.FromSeconds(60));

        var (dropExit, dropOut, dropErr) = await _cli.RunAsync("drop", drop.FullName);
        Assert.True(dropExit == 0, dropErr);
        Assert.Contains("copy of " + copied, dropOut);

        var documents = await PollResultsAsync(expectedCount);

        Assert.Equal(expectedCount, documents.Count);
        foreach (var sample in samples.Select(Path.GetFileName).Where(s => s != copied))
        {
            var document = Assert.Single(documents, d => d.Source.Name == sample);
            Assert.Equal(ArticleStatus.Processed, document.Status);
            Assert.False(string.IsNullOrWhiteSpace(document.Article!.Title));
        }
        // The original and its copy arrive together: whichever claims the content first is canonical, the other points at it.
        var pair = documents.Where(d => d.Source.Name == copied || d.Source.Name == "copy of " + copied).ToList();
        var canonical = Assert.Single(pair, d => d.Status == ArticleStatus.Processed);
        var duplicate = Assert.Single(pair, d => d.Status == ArticleStatus.Duplicate);
        Assert.Equal(canonical.Id, duplicate.Dedup!.DuplicateOf);
        Assert.Equal(DuplicateKind.Exact, duplicate.Dedup.Kind);
        Assert.Equal(RejectionCodes.Empty, documents.Single(d => d.Source.Name == "empty.txt").Rejection!.Code);
        Assert.Equal(RejectionCodes.Binary, documents.Single(d => d.Source.Name == "photo.jpg").Rejection!.Code);
        foreach (var document in documents)
        {
            SchemaValidator.AssertValid(DocumentJson.Serialize(document));
        }

        var (statusExit, statusOut, _) = await _cli.RunAsync("results", "--status", "rejected", "--json");
        Assert.Equal(0, statusExit);
        Assert.Equal(2, DocumentJson.DeserializeList(statusOut).Count);

        var (tableExit, tableOut, _) = await _cli.RunAsync("results");
        Assert.Equal(0, tableExit);
        Assert.Contains("duplicate", tableOut);
        Assert.Contains("binary", tableOut);
        // Piped, the table is laid out at its natural width, not wrapped at 80 columns: one line per record plus the header.
        Assert.Equal(documents.Count + 1, tableOut.Split('\n').Count(line => line.StartsWith('│')));

        var exit = await up.TerminateAsync();
        Assert.True(exit == 0, $"ingest up exited with {exit}:\n{up.Output}");
        Assert.Contains("Stopping", up.Output);
    }

    [Fact]
    public async Task Cli_errors_say_what_to_do()
    {
        var (badStatus, _, badStatusErr) = await _cli.RunAsync("results", "--status", "lost");
        Assert.NotEqual(0, badStatus);
        Assert.Contains("lost", badStatusErr);

        var (noTarget, _, noTargetErr) = await _cli.RunAsync("replay");
        Assert.Equal(2, noTarget);
        Assert.Contains("--status failed", noTargetErr);
        var (badId, _, badIdErr) = await _cli.RunAsync("replay", "--id", "../etc");
        Assert.Equal(2, badId);
        Assert.Contains("not an article id", badIdErr);

        var (missing, _, missingErr) = await _cli.RunAsync("drop", "/nonexistent/article.txt");
        Assert.Equal(2, missing);
        Assert.Contains("No such file or folder", missingErr);

        var unreachable = new CliRunner(
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + Cli.Local.AzuriteServer.AccountKey
            + ";BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;",
            azurite.Layout.Root);
        var (down, _, downErr) = await unreachable.RunAsync("results");
        Assert.Equal(1, down);
        Assert.Contains("./ingest up", downErr);
    }

    private async Task<List<ProcessedDocument>> PollResultsAsync(int expectedCount)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        List<ProcessedDocument> documents = [];
        while (DateTime.UtcNow < deadline)
        {
            var (exit, stdout, stderr) = await _cli.RunAsync("results", "--json");
            Assert.True(exit == 0, stderr);
            documents = DocumentJson.DeserializeList(stdout);
            if (documents.Count >= expectedCount)
            {
                return documents;
            }
            await Task.Delay(500);
        }
        throw new TimeoutException($"Only {documents.Count} of {expectedCount} outcomes appeared.");
    }
}

/// <summary>`ingest up` on a machine where nothing runs: it starts Azurite itself, hosts the chain, and stops both on SIGTERM.</summary>
public sealed class CliUpStartsAzuriteTests
{
    [Fact]
    public async Task Up_starts_azurite_when_nothing_answers_and_stops_it_on_sigterm()
    {
        var (blobPort, queuePort, tablePort) = (FreePort(), FreePort(), FreePort());
        var connection = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + Cli.Local.AzuriteServer.AccountKey
            + $";BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1"
            + $";TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";
        var data = Directory.CreateTempSubdirectory("ingest-azurite-");
        var root = Cli.Local.RepositoryLayout.Locate().Root;
        var cli = new CliRunner(connection, root, new Dictionary<string, string> { ["INGEST_AZURITE_DATA"] = data.FullName });

        await using var up = cli.Start("up");
        await up.WaitForOutputAsync("Ingest is running", TimeSpan.FromSeconds(90));
        Assert.Contains("Starting Azurite", up.Output);

        var article = Path.Combine(data.FullName, "..", $"{data.Name}-pier.txt");
        await File.WriteAllTextAsync(article, "Pier reopens after storm repairs\n\nThe old pier at Saltby reopened on Sunday after repairs to the storm damage of last winter.");
        var (dropExit, _, dropErr) = await cli.RunAsync("drop", article);
        Assert.True(dropExit == 0, dropErr);
        await up.WaitForOutputAsync("Pier reopens after storm repairs", TimeSpan.FromSeconds(60));

        var exit = await up.TerminateAsync();
        Assert.True(exit == 0, $"ingest up exited with {exit}:\n{up.Output}");
        Assert.Contains("Azurite stopped", up.Output);
        Assert.False(await Cli.Local.AzuriteServer.IsListeningAsync("127.0.0.1", blobPort, CancellationToken.None));
        Assert.True(Directory.EnumerateFileSystemEntries(data.FullName).Any(), "Azurite kept its data in the configured folder.");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
