using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Ingest.Infrastructure.Tests;

/// <summary>The templates compile, lint and take their parameter files cleanly with the real bicep CLI.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed partial class BicepCliTests(CompiledTemplate compiled)
{
    public static TheoryData<string> BicepFiles() => new(BicepFilePaths());

    private static List<string> BicepFilePaths() =>
        Directory.EnumerateFiles(BicepCli.BicepDirectory, "*.bicep", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(BicepCli.BicepDirectory, f))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static TheoryData<string, string> ParameterFiles() => new()
    {
        { "main.dev.bicepparam", "dev" },
        { "main.prod.bicepparam", "prod" },
    };

    [Fact]
    public void Main_template_builds_with_no_diagnostics()
    {
        Assert.True(compiled.Build.ExitCode == 0, compiled.Build.ToString());
        Assert.Empty(compiled.Build.Diagnostics);
        Assert.NotNull(compiled.Root);
    }

    [Fact]
    public void Main_and_every_module_are_linted()
    {
        // Guards the lint theory below against silently linting nothing.
        var files = BicepFilePaths();
        Assert.Contains("main.bicep", files);
        Assert.Contains(Path.Combine("modules", "storage.bicep"), files);
        Assert.Contains(Path.Combine("modules", "functionApp.bicep"), files);
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Lint_reports_no_warnings_or_errors(string relativePath)
    {
        var result = BicepCli.LintAll;
        var path = Path.Combine(BicepCli.BicepDirectory, relativePath);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain(result.Diagnostics, d => d.StartsWith(path + "(", StringComparison.Ordinal));
    }

    [Fact]
    public void Lint_of_the_whole_folder_reports_nothing_at_all()
    {
        Assert.True(BicepCli.LintAll.ExitCode == 0, BicepCli.LintAll.ToString());
        Assert.Empty(BicepCli.LintAll.Diagnostics);
    }

    [Fact]
    public void Lint_findings_are_recognised_so_an_empty_result_means_clean()
    {
        // The assertions above pass on "no diagnostic lines"; prove such lines are recognised with the repository's config.
        var folder = Directory.CreateTempSubdirectory("ingest-bicep-probe-");
        try
        {
            File.Copy(Path.Combine(BicepCli.BicepDirectory, "bicepconfig.json"), Path.Combine(folder.FullName, "bicepconfig.json"));
            var probe = Path.Combine(folder.FullName, "probe.bicep");
            File.WriteAllText(probe, "param unusedProbe string\n");

            var result = BicepCli.Run("lint", "--no-restore", probe);

            Assert.Contains(result.Diagnostics, d => d.StartsWith(probe + "(", StringComparison.Ordinal) && d.Contains("no-unused-params", StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void Parameter_file_builds_for_its_environment(string parameterFile, string environment)
    {
        var output = Path.Combine(Path.GetTempPath(), $"ingest-{Guid.NewGuid():N}.parameters.json");
        try
        {
            var result = BicepCli.Run("build-params", "--no-restore", Path.Combine(BicepCli.BicepDirectory, parameterFile), "--outfile", output);

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Empty(result.Diagnostics);
            var parameters = JsonNode.Parse(File.ReadAllText(output))!["parameters"]!.AsObject();
            Assert.Equal(environment, (string?)parameters["environmentName"]?["value"]);
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public void Templates_use_local_modules_only_so_nothing_needs_a_registry()
    {
        foreach (var file in Directory.EnumerateFiles(BicepCli.BicepDirectory, "*.bicep", SearchOption.AllDirectories))
        {
            foreach (Match module in ModuleReference().Matches(File.ReadAllText(file)))
            {
                var path = module.Groups["path"].Value;
                Assert.False(RegistryReference().IsMatch(path), $"{file} references registry module '{path}'.");
                Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(file)!, path)), $"{file}: module '{path}' does not exist.");
            }
        }
    }

    // br:registry/path:tag, br/alias:path:tag, ts:sub/rg/spec:version, ts/alias:spec:version
    [GeneratedRegex("^(br|ts)[:/]")]
    private static partial Regex RegistryReference();

    [GeneratedRegex(@"^\s*module\s+\w+\s+'(?<path>[^']+)'", RegexOptions.Multiline)]
    private static partial Regex ModuleReference();
}
