using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Ingest.Cli.Local;

/// <summary>
/// Runs the repository's pinned Azurite as a child process: on free ports with in-memory persistence
/// for tests, or on the standard ports with data under .azurite for <c>ingest up</c>. Disposing stops it.
/// </summary>
internal sealed partial class AzuriteServer : IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";
    /// <summary>The emulator's well-known development key (public, documented; not a secret).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>How long Azurite may take to start listening; generous, because a loaded machine makes node slow to load it.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly Process _process;

    private AzuriteServer(Process process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    /// <summary>CPU time the emulator process has used so far: its work per request, whatever else loads the machine.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};"
        + $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};"
        + $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};"
        + $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    /// <summary>
    /// Starts Azurite. Ports of 0 let it pick free ones; a null data folder keeps everything in memory.
    /// <paramref name="nodeHeapMegabytes"/> raises node's heap limit, for an in-memory emulator holding millions of rows.
    /// </summary>
    public static async Task<AzuriteServer> StartAsync(
        RepositoryLayout layout, int blobPort, int queuePort, int tablePort, string? dataFolder, CancellationToken cancellationToken,
        int? nodeHeapMegabytes = null)
    {
        if (!File.Exists(layout.AzuriteScript))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed at {layout.AzuriteScript}. Run 'npm ci' in {layout.Root} (the ./ingest script does this for you).");
        }

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataFolder ?? Path.GetTempPath(),
        };
        if (nodeHeapMegabytes is { } heap)
        {
            start.ArgumentList.Add($"--max-old-space-size={heap}");
        }
        foreach (var argument in new[]
        {
            layout.AzuriteScript,
            "--blobHost", "127.0.0.1", "--blobPort", blobPort.ToString(),
            "--queueHost", "127.0.0.1", "--queuePort", queuePort.ToString(),
            "--tableHost", "127.0.0.1", "--tablePort", tablePort.ToString(),
        })
        {
            start.ArgumentList.Add(argument);
        }
        if (dataFolder is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(dataFolder);
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(dataFolder);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for Azurite.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("Could not run 'node' to start Azurite. Install Node.js 18 or newer and make sure 'node' is on PATH.", ex);
        }

        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        var output = new List<string>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (output)
            {
                output.Add(line);
                var match = ListeningLine().Match(line);
                if (match.Success)
                {
                    ports[match.Groups["service"].Value] = int.Parse(match.Groups["port"].Value);
                    if (ports.Count == 3)
                    {
                        ready.TrySetResult();
                    }
                }
            }
        }
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException(
            "Azurite exited during start-up: " + string.Join(Environment.NewLine, SnapshotOf(output))));

        try
        {
            await ready.Task.WaitAsync(StartTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Kill(process);
            // Seen on a 2-core machine under heavy load: node takes minutes to load Azurite. Say so instead of failing silently.
            throw new InvalidOperationException(
                $"Azurite did not report its ports within {StartTimeout.TotalSeconds:0} s (is the machine overloaded?). Its output: "
                + string.Join(Environment.NewLine, SnapshotOf(output)));
        }
        catch
        {
            Kill(process);
            throw;
        }
        return new AzuriteServer(process, ports["Blob"], ports["Queue"], ports["Table"]);
    }

    /// <summary>True when something accepts TCP connections on the port (an emulator someone already runs).</summary>
    public static async Task<bool> IsListeningAsync(string host, int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await client.ConnectAsync(host, port, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// Stops Azurite the way Ctrl+C would (SIGINT), so it closes its servers and saves its metadata databases to
    /// the data folder; only if it has not exited after a while is it killed. A plain kill can lose the last writes
    /// of a persistent emulator.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited && (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()))
        {
            _ = SendSignal(_process.Id, SignalInterrupt);
            try
            {
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15)).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Fall through to the kill.
            }
        }
        Kill(_process);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        _process.Dispose();
    }

    private const int SignalInterrupt = 2;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static string[] SnapshotOf(List<string> output)
    {
        lock (output)
        {
            return output.ToArray();
        }
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at https?://[^:]+:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
