using System.Diagnostics;
using System.Text;

namespace Ingest.IntegrationTests.Infrastructure;

/// <summary>Runs the built `ingest` CLI as a separate process, the way a user runs it, against the test's storage.</summary>
public sealed class CliRunner(string connectionString, string repositoryRoot, IReadOnlyDictionary<string, string>? environment = null)
{
    private static string CliAssembly => Path.Combine(AppContext.BaseDirectory, "ingest.dll");

    public Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args) => RunAsync(TimeSpan.FromMinutes(2), args);

    /// <summary>Runs a command that may take longer than the usual two minutes (the throughput harness starts hosts and storage).</summary>
    public async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(TimeSpan limit, params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts a long-running command (ingest up); the caller stops it with <see cref="TerminateAsync"/>.</summary>
    public RunningCli Start(params string[] args)
    {
        var process = Process.Start(StartInfo(args))!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new RunningCli(process, output);
    }

    private ProcessStartInfo StartInfo(string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = repositoryRoot,
        };
        start.ArgumentList.Add(CliAssembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["AzureWebJobsStorage"] = connectionString;
        start.Environment["INGEST_REPO_ROOT"] = repositoryRoot;
        // Plain output: no colours or terminal width games in what the tests read.
        start.Environment["NO_COLOR"] = "1";
        start.Environment["COLUMNS"] = "200";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        return start;
    }
}

public sealed class RunningCli(Process process, StringBuilder output) : IAsyncDisposable
{
    public string Output
    {
        get { lock (output) { return output.ToString(); } }
    }

    public bool HasExited => process.HasExited;

    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The CLI exited with {process.ExitCode} before printing '{text}':\n{Output}");
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The CLI did not print '{text}' in time:\n{Output}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>SIGKILL: the process gets no chance to finish anything, as when a machine dies.</summary>
    public async Task KillAsync()
    {
        process.Kill();
        await process.WaitForExitAsync();
    }

    /// <summary>Sends SIGTERM, as a service manager would, and waits for a clean exit.</summary>
    public async Task<int> TerminateAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString()]))
        {
            await kill!.WaitForExitAsync();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(45));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
