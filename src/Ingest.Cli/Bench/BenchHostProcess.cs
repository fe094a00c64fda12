using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Ingest.Cli.Commands;
using Ingest.Cli.Local;

namespace Ingest.Cli.Bench;

/// <summary>
/// One <c>ingest host</c> child process: the same binary as the harness, so /proc/&lt;pid&gt; gives its CPU time and
/// peak memory. Stopped with SIGTERM, after which it writes its storage request counts to <see cref="CountsFile"/>.
/// </summary>
internal sealed class BenchHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // One heap request at a time: the host answers in order, and the answer is matched to the request waiting here.
    private readonly SemaphoreSlim _heapRequest = new(1, 1);
    private TaskCompletionSource<ManagedHeapReading>? _heapReply;

    private BenchHostProcess(Process process, string countsFile)
    {
        _process = process;
        CountsFile = countsFile;
    }

    public int Id => _process.Id;
    public string CountsFile { get; }

    /// <summary>Completes with the exit code when the process ends, whenever that is: the harness stops waiting for a dead host.</summary>
    public Task<int> Exited => _exited.Task;

    public static BenchHostProcess Start(string connectionString, RepositoryLayout layout, string countsFile, HostTuning tuning,
        IReadOnlyDictionary<string, string> environment)
    {
        // Run this very binary: `dotnet ingest.dll` when started through the ./ingest script, the apphost otherwise.
        var processPath = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot tell which executable runs ingest.");
        var start = new ProcessStartInfo(processPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = layout.Root,
        };
        if (string.Equals(Path.GetFileNameWithoutExtension(processPath), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(BenchHostProcess).Assembly.Location);
        }
        foreach (var argument in new[] { "host", "--counts-file", countsFile }.Concat(tuning.ToArguments()))
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["AzureWebJobsStorage"] = connectionString;
        start.Environment[RepositoryLayout.RootVariable] = layout.Root;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {processPath}.");
        var host = new BenchHostProcess(process, countsFile);
        process.OutputDataReceived += (_, e) => host.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => host.OnLine(e.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) =>
        {
            host._ready.TrySetException(new InvalidOperationException(
                $"ingest host {process.Id} exited with {process.ExitCode} before it was ready:{Environment.NewLine}{host.LastOutput(40)}"));
            host._exited.TrySetResult(process.ExitCode);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    public async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await _ready.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"ingest host {Id} was not ready after {timeout.TotalSeconds:0} s:{Environment.NewLine}{LastOutput(40)}");
        }
    }

    /// <summary>User plus system CPU time so far, from /proc/&lt;pid&gt;/stat (fields 14 and 15, in clock ticks).</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{Id}/stat");
        // The command name (field 2) is in parentheses and may contain spaces: count fields after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds((double)ticks / ClockTicksPerSecond);
    }

    /// <summary>Peak resident memory (VmHWM) in bytes.</summary>
    public long PeakMemoryBytes() => StatusValueBytes("VmHWM:");

    /// <summary>Current resident memory (VmRSS) in bytes; 0 once the process is gone (the watchdog reports that).</summary>
    public long ResidentMemoryBytes()
    {
        try
        {
            return StatusValueBytes("VmRSS:");
        }
        catch (IOException) when (_process.HasExited)
        {
            return 0;
        }
        catch (InvalidOperationException)
        {
            // A killed process that is not reaped yet (a zombie) keeps its status file but has no memory lines.
            return 0;
        }
    }

    /// <summary>
    /// Asks the host for its managed heap after a full collection (<see cref="ManagedHeapReading"/>); null when it does not
    /// answer within <paramref name="timeout"/> or is gone, so a missing reading never ends a run.
    /// </summary>
    public async Task<ManagedHeapReading?> MeasureManagedHeapAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _heapRequest.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_process.HasExited)
            {
                return null;
            }
            var reply = new TaskCompletionSource<ManagedHeapReading>(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _heapReply, reply);
            await _process.StandardInput.WriteLineAsync(ManagedHeapReading.Request.AsMemory(), cancellationToken).ConfigureAwait(false);
            await _process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
            return await reply.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or IOException)
        {
            // No answer in time, or the pipe closed because the host died (the watchdog reports that).
            return null;
        }
        finally
        {
            Volatile.Write(ref _heapReply, null);
            _heapRequest.Release();
        }
    }

    /// <summary>Asks the host to stop (SIGTERM) and waits for it to write its counts and exit.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            _ = SendSignal(_process.Id, SignalTerminate);
        }
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"ingest host {Id} did not stop within {timeout.TotalSeconds:0} s:{Environment.NewLine}{LastOutput(40)}");
        }
        if (_process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ingest host {Id} exited with {_process.ExitCode}:{Environment.NewLine}{LastOutput(40)}");
        }
    }

    public string LastOutput(int lines)
    {
        lock (_output)
        {
            return string.Join(Environment.NewLine, _output.TakeLast(lines));
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
        _heapRequest.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.Add(line);
            if (_output.Count > 500)
            {
                _output.RemoveRange(0, 100);
            }
        }
        if (ManagedHeapReading.TryParse(line, out var heap))
        {
            Volatile.Read(ref _heapReply)?.TrySetResult(heap);
        }
        if (line == HostCommand.ReadyLine)
        {
            _ready.TrySetResult();
        }
    }

    private long StatusValueBytes(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{Id}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                // "VmHWM:	  123456 kB"
                var value = line[field.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                return long.Parse(value, CultureInfo.InvariantCulture) * 1024;
            }
        }
        throw new InvalidOperationException($"/proc/{Id}/status has no {field} line.");
    }

    private const int SignalTerminate = 15;
    private const int SysconfClockTicks = 2; // _SC_CLK_TCK on Linux

    private static readonly long ClockTicksPerSecond = Math.Max(1, Sysconf(SysconfClockTicks));

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    [DllImport("libc", EntryPoint = "sysconf")]
    private static extern long Sysconf(int name);
}
