using System.Diagnostics;
using System.Text;

namespace Ingest.IntegrationTests.Infrastructure;

/// <summary>Runs the built `ingest` CLI as a separate process, the way a user runs it, against the test's storage.</summary>
public sealed class CliRunner(string connectionString, string repositoryRoot, IReadOnlyDictionary<string, string>? environment = null)
{
    /// <summary>
    /// The CLI from its own build output, not the copy in this test project's bin: this project also references the
    /// ASP.NET Core shared framework (the fake Azure AI Language server), so its bin omits the Microsoft.Extensions
    /// assemblies that framework carries, and the CLI, which runs without it, could not load them from there.
    /// The checkout is found from this assembly's own place (tests/Ingest.IntegrationTests/bin/{configuration}/{tfm}),
    /// since some tests give the CLI another repository root on purpose.
    /// </summary>
    private static string CliAssembly
    {
        get
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var checkout = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
            var path = Path.Combine(checkout, "src", "Ingest.Cli", "bin", output.Parent.Name, output.Name, "ingest.dll");
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"The CLI is not built at {path}; build the solution first (dotnet build Ingest.sln -c {output.Parent.Name}).", path);
        }
    }

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

    /// <summary>Waits for the CLI to end by itself; a CLI still running after <paramref name="timeout"/> fails the test.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The CLI was still running after {timeout.TotalSeconds:0} s:\n{Output}");
        }
        return process.ExitCode;
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
