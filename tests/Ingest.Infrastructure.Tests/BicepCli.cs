using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Ingest.Infrastructure.Tests;

/// <summary>Runs the bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package in the NuGet cache.</summary>
internal static partial class BicepCli
{
    private const string PackageId = "azure.bicep.commandline.linux-x64";
    private const string PackageVersion = "0.49.2";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private static readonly Lazy<string> Executable = new(LocateExecutable);

    public static string RepositoryRoot { get; } = LocateRepositoryRoot();

    public static string BicepDirectory => Path.Combine(RepositoryRoot, "infra", "bicep");

    public static string MainTemplate => Path.Combine(BicepDirectory, "main.bicep");

    /// <summary>
    /// One <c>bicep lint</c> over every .bicep file under infra/bicep (main and each module). One process instead of
    /// one per file: each CLI start costs seconds, and several at once contend badly on a small machine.
    /// </summary>
    public static BicepResult LintAll => LintAllResult.Value;

    private static readonly Lazy<BicepResult> LintAllResult = new(() => Run("lint", "--no-restore", "--pattern", "**/*.bicep"));

    public static BicepResult Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable.Value)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = BicepDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }
        return new BicepResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static string LocateExecutable()
    {
        var candidates = new List<string>();
        if (Metadata("BicepPackageRoot") is { Length: > 0 } packageRoot)
        {
            candidates.Add(packageRoot);
        }
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        candidates.Add(Path.Combine(cache, PackageId, PackageVersion));

        foreach (var root in candidates)
        {
            var path = Path.Combine(root, "tools", "bicep");
            if (File.Exists(path))
            {
                EnsureExecutable(path);
                return path;
            }
        }
        throw new FileNotFoundException(
            $"The bicep CLI was not found in {string.Join(" or ", candidates)}; restore tests/Ingest.Infrastructure.Tests first.");
    }

    // NuGet extracts package files without guaranteeing the execute bit everyone needs.
    private static void EnsureExecutable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        var mode = File.GetUnixFileMode(path);
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, mode | execute);
        }
    }

    private static string LocateRepositoryRoot()
    {
        if (Metadata("RepositoryRoot") is { Length: > 0 } root && File.Exists(Path.Combine(root, "Ingest.sln")))
        {
            return root;
        }
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Ingest.sln")))
            {
                return directory.FullName;
            }
        }
        throw new DirectoryNotFoundException("Ingest.sln not found above the test output directory.");
    }

    private static string? Metadata(string key) =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;

    /// <summary>A diagnostic line as the CLI prints it: <c>path(line,col) : Warning rule-name: message</c>.</summary>
    [GeneratedRegex(@"^.+\(\d+,\d+\)\s*:\s*(Error|Warning|Info)\s", RegexOptions.Multiline)]
    internal static partial Regex DiagnosticLine();
}

internal sealed record BicepResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Every error, warning and info diagnostic the CLI printed, on either stream.</summary>
    public IReadOnlyList<string> Diagnostics =>
        (StandardOutput + "\n" + StandardError)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => BicepCli.DiagnosticLine().IsMatch(line))
            .ToList();

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}";
}
