using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Ingest.Infrastructure.Tests;

/// <summary>
/// infra/bicep/main.bicep compiled once by the real CLI, with helpers to read the ARM JSON the way a
/// deployment would see it: modules are nested <c>Microsoft.Resources/deployments</c> with inline templates.
/// </summary>
public sealed partial class CompiledTemplate : IDisposable
{
    private readonly string _outputDirectory = Directory.CreateTempSubdirectory("ingest-bicep-").FullName;

    public CompiledTemplate()
    {
        var outputFile = Path.Combine(_outputDirectory, "main.json");
        Build = BicepCli.Run("build", "--no-restore", BicepCli.MainTemplate, "--outfile", outputFile);
        if (Build.ExitCode == 0)
        {
            Root = JsonNode.Parse(File.ReadAllText(outputFile))!.AsObject();
        }
    }

    /// <summary>The CLI run that produced the template.</summary>
    internal BicepResult Build { get; }

    /// <summary>The compiled main template; null when the build failed (the build test reports why).</summary>
    public JsonObject? Root { get; }

    public JsonObject Main => Root ?? throw new InvalidOperationException($"main.bicep did not build:\n{Build}");

    /// <summary>The nested deployment a <c>module</c> declaration compiles to, by its deployment name.</summary>
    public JsonObject Module(string deploymentName) =>
        Resources(Main).SingleOrDefault(r =>
            (string?)r["type"] == "Microsoft.Resources/deployments" && (string?)r["name"] == deploymentName)
        ?? throw new InvalidOperationException($"main.bicep has no module deployed as '{deploymentName}'.");

    public static JsonObject ModuleTemplate(JsonObject module) => module["properties"]!["template"]!.AsObject();

    /// <summary>A module's parameter value as main passes it (a literal, or an ARM expression string).</summary>
    public static JsonNode? ModuleParameter(JsonObject module, string name) =>
        module["properties"]!["parameters"]![name]?["value"];

    public static IEnumerable<JsonObject> Resources(JsonObject template) =>
        template["resources"] switch
        {
            JsonArray array => array.Select(r => r!.AsObject()),
            JsonObject symbolic => symbolic.Select(p => p.Value!.AsObject()),
            _ => [],
        };

    public static JsonObject SingleResource(JsonObject template, string type) =>
        Resources(template).Single(r => (string?)r["type"] == type);

    /// <summary>
    /// Every app setting name the function app module can set: the keys of each object variable that the
    /// <c>appsettings</c> config resource merges (<c>union(variables('a'), if(cond, variables('b'), createObject()), ...)</c>),
    /// and any key written inline with <c>createObject('name', ...)</c>. Conditional groups are included with their condition.
    /// </summary>
    public IReadOnlyDictionary<string, AppSetting> AppSettings()
    {
        var template = ModuleTemplate(Module("function-app"));
        var config = Resources(template).Single(r =>
            (string?)r["type"] == "Microsoft.Web/sites/config" && ((string?)r["name"])!.Contains("appsettings", StringComparison.Ordinal));
        var properties = config["properties"]!;
        var settings = new Dictionary<string, AppSetting>(StringComparer.Ordinal);

        if (properties is JsonObject literal)
        {
            foreach (var (key, value) in literal)
            {
                settings[key] = new AppSetting(key, value?.ToString(), Conditional: false);
            }
            return settings;
        }

        var expression = (string)properties!;
        var variables = template["variables"]!.AsObject();
        foreach (Match match in VariableReference().Matches(expression))
        {
            var variable = match.Groups["name"].Value;
            if (variables[variable] is not JsonObject group)
            {
                continue; // a boolean or other non-object variable used in a condition
            }
            var conditional = IsInsideIf(expression, match.Index);
            foreach (var (key, value) in group)
            {
                settings[key] = new AppSetting(key, value?.ToString(), conditional);
            }
        }
        foreach (Match match in InlineKey().Matches(expression))
        {
            var key = match.Groups["key"].Value;
            settings.TryAdd(key, new AppSetting(key, Value: null, IsInsideIf(expression, match.Index)));
        }
        return settings;
    }

    // True when the position lies inside the arguments of an if(...) call.
    private static bool IsInsideIf(string expression, int position)
    {
        var depth = 0;
        for (var i = position - 1; i >= 0; i--)
        {
            switch (expression[i])
            {
                case ')':
                    depth++;
                    break;
                case '(' when depth > 0:
                    depth--;
                    break;
                case '(':
                    var start = i;
                    while (start > 0 && char.IsLetter(expression[start - 1]))
                    {
                        start--;
                    }
                    if (expression[start..i] == "if")
                    {
                        return true;
                    }
                    break;
            }
        }
        return false;
    }

    [GeneratedRegex(@"variables\('(?<name>[^']+)'\)")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"createObject\('(?<key>[^']+)'")]
    private static partial Regex InlineKey();

    public void Dispose()
    {
        try
        {
            Directory.Delete(_outputDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

/// <summary>One app setting the Bicep sets: its name, its ARM value expression, and whether a condition guards it.</summary>
public sealed record AppSetting(string Name, string? Value, bool Conditional);

[CollectionDefinition(Name)]
public sealed class CompiledTemplateCollection : ICollectionFixture<CompiledTemplate>
{
    public const string Name = "compiled main.bicep";
}
