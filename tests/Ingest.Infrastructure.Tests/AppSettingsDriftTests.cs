using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ingest.Core.Configuration;
using Ingest.Core.Recognition.AzureLanguage;
using Ingest.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ingest.Infrastructure.Tests;

/// <summary>
/// The function app's app settings in the compiled template against the configuration the code binds:
/// a renamed option, a typo in the Bicep, or a new %setting% in a trigger fails here, not at deployment.
/// </summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed partial class AppSettingsDriftTests(CompiledTemplate compiled)
{
    private const string ConnectionStringResolvedFromKeyVault =
        "DefaultEndpointsProtocol=https;AccountName=stexample;AccountKey=ZXhhbXBsZS1rZXk=;EndpointSuffix=core.windows.net";

    [Fact]
    public void Every_Ingest_and_Recognizer_setting_is_a_key_the_code_binds()
    {
        var bound = CodeConfiguration.AllBoundKeys();
        var ours = compiled.AppSettings().Keys
            .Where(k => k.StartsWith("Ingest__", StringComparison.Ordinal) || k.StartsWith("Recognizer__", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(ours);
        Assert.All(ours, key => Assert.True(bound.Contains(key), $"App setting {key} is not bound by the code."));
    }

    [Fact]
    public void Every_storage_setting_is_one_the_code_or_the_host_reads()
    {
        var known = CodeConfiguration.StorageIdentityKeys()
            .Append(CodeConfiguration.StorageConnectionKey)
            .Concat(CodeConfiguration.HostOnlyStorageKeys)
            .ToHashSet(StringComparer.Ordinal);
        var storage = compiled.AppSettings().Keys
            .Where(k => k == StorageOptions.ConnectionName || k.StartsWith(StorageOptions.ConnectionName + "__", StringComparison.Ordinal))
            .ToList();

        Assert.All(storage, key => Assert.True(known.Contains(key), $"App setting {key} is read by neither Ingest.Core nor the Functions host."));
    }

    [Fact]
    public void Settings_the_app_needs_in_Azure_are_always_set()
    {
        var settings = compiled.AppSettings();
        var required = CodeConfiguration.TriggerSettingKeys()
            .Append(CodeConfiguration.RecognizerKindKey)
            .Append(CodeConfiguration.AppSettingName($"{PipelineOptions.SectionName}:{nameof(PipelineOptions.ReconcileSchedule)}"));

        foreach (var key in required)
        {
            Assert.True(settings.TryGetValue(key, out var setting), $"{key} is not set by the Bicep.");
            Assert.False(setting.Conditional, $"{key} is set only under a condition.");
        }
    }

    [Fact]
    public void The_timer_schedule_setting_comes_from_the_trigger_attribute()
    {
        // The host fails to index ReconcileIncoming and ExpireDedupEntries without them.
        Assert.Contains("Ingest__ReconcileSchedule", CodeConfiguration.TriggerSettingKeys());
        Assert.Contains("Ingest__DedupCleanupSchedule", CodeConfiguration.TriggerSettingKeys());
    }

    [Fact]
    public void Storage_connection_is_set_both_ways()
    {
        var settings = compiled.AppSettings();

        // The connection string for the storage extension 4.x triggers, as a Key Vault reference, never a key.
        var connection = settings[CodeConfiguration.StorageConnectionKey];
        Assert.True(connection.Conditional, "AzureWebJobsStorage should depend on allowSharedKeyAccess.");
        Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri=", connection.Value, StringComparison.Ordinal);

        // The identity-based settings, complete enough for StorageEndpoints without an account name.
        foreach (var key in new[] { "AzureWebJobsStorage__blobServiceUri", "AzureWebJobsStorage__queueServiceUri", "AzureWebJobsStorage__tableServiceUri", "AzureWebJobsStorage__clientId", "AzureWebJobsStorage__credential" })
        {
            Assert.True(settings.TryGetValue(key, out var setting) && !setting.Conditional, $"{key} is not always set.");
        }
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"].Value);
    }

    [Fact]
    public void Language_endpoint_is_set_only_with_the_Language_recognizer()
    {
        var endpoint = compiled.AppSettings()[CodeConfiguration.AppSettingName($"{AzureLanguageOptions.SectionName}:{nameof(AzureLanguageOptions.Endpoint)}")];

        Assert.True(endpoint.Conditional);
        Assert.DoesNotContain(compiled.AppSettings().Keys, k => k.EndsWith("__Key", StringComparison.Ordinal));
    }

    [Fact]
    public void Bicep_default_schedule_is_the_code_default()
    {
        var schedule = (string?)compiled.Main["parameters"]!["reconcileSchedule"]!["defaultValue"];

        Assert.Equal(PipelineOptions.DefaultReconcileSchedule, schedule);
        Assert.Equal(PipelineOptions.DefaultDedupCleanupSchedule, (string?)compiled.Main["parameters"]!["dedupCleanupSchedule"]!["defaultValue"]);
    }

    public static TheoryData<bool> StorageModes() => new() { true, false };

    /// <summary>
    /// Binds the Bicep's settings through the code's own registration (AddIngestChain) for every recognizer kind the
    /// Bicep allows and both storage modes: option validation runs, the recognizer switch accepts the kind, and values
    /// the Bicep sets arrive typed. Values computed at deployment (endpoints, ids) are stood in for by well-formed examples.
    /// </summary>
    [Theory]
    [MemberData(nameof(StorageModes))]
    public void Code_binds_the_Bicep_settings_for_every_allowed_recognizer_kind(bool sharedKeyAccess)
    {
        var module = compiled.Module("function-app");
        var kinds = CompiledTemplate.ModuleTemplate(module)["parameters"]!["recognizerKind"]!["allowedValues"]!.AsArray()
            .Select(v => (string)v!).ToList();
        Assert.Equal([StageRegistrations.OfflineKind, StageRegistrations.AzureLanguageKind], kinds.Order(StringComparer.Ordinal).Reverse());

        foreach (var kind in kinds)
        {
            var values = ResolveSettings(kind, sharedKeyAccess);
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(values.Select(p => KeyValuePair.Create(p.Key.Replace("__", ":", StringComparison.Ordinal), (string?)p.Value)))
                .Build();
            var services = new ServiceCollection().AddLogging();
            services.AddIngestChain(configuration);
            using var provider = services.BuildServiceProvider();

            var pipeline = provider.GetRequiredService<IOptions<PipelineOptions>>().Value;
            Assert.Equal(values["Ingest__ReconcileSchedule"], pipeline.ReconcileSchedule);
            Assert.Equal(values["Ingest__DedupCleanupSchedule"], pipeline.DedupCleanupSchedule);
            Assert.Equal(TimeSpan.Parse(values["Ingest__ReconcileGrace"], System.Globalization.CultureInfo.InvariantCulture), pipeline.ReconcileGrace);
            Assert.Equal(TimeSpan.Parse(values["Ingest__ReconcileWindow"], System.Globalization.CultureInfo.InvariantCulture), pipeline.ReconcileWindow);
            Assert.Equal(long.Parse(values["Ingest__MaxInputBytes"], System.Globalization.CultureInfo.InvariantCulture), pipeline.MaxInputBytes);

            var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            Assert.Equal(!sharedKeyAccess, storage.UsesIdentity);
            Assert.Equal(new Uri(values["AzureWebJobsStorage__queueServiceUri"]), storage.QueueServiceUri);
            Assert.Equal(values["AzureWebJobsStorage__clientId"], storage.ClientId);

            if (kind == StageRegistrations.AzureLanguageKind)
            {
                var language = provider.GetRequiredService<IOptions<AzureLanguageOptions>>().Value;
                Assert.Equal(new Uri(values["Recognizer__AzureLanguage__Endpoint"]), language.Endpoint);
                Assert.Null(language.Key);
                Assert.Equal(bool.Parse(values["Recognizer__AzureLanguage__FallbackToOffline"]), language.FallbackToOffline);
            }
        }
    }

    // The settings a deployment would produce: literal and parameter-default values from the template, and example
    // values for what only a deployment knows.
    private Dictionary<string, string> ResolveSettings(string recognizerKind, bool sharedKeyAccess)
    {
        var module = compiled.Module("function-app");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var setting in compiled.AppSettings().Values)
        {
            if (setting.Name == CodeConfiguration.StorageConnectionKey && !sharedKeyAccess)
            {
                continue;
            }
            if (setting.Name.StartsWith("Recognizer__AzureLanguage__", StringComparison.Ordinal) && recognizerKind != StageRegistrations.AzureLanguageKind)
            {
                continue;
            }
            values[setting.Name] = setting.Name switch
            {
                "Recognizer__Kind" => recognizerKind,
                "AzureWebJobsStorage" => ConnectionStringResolvedFromKeyVault,
                "AzureWebJobsStorage__blobServiceUri" => "https://stexample.blob.core.windows.net/",
                "AzureWebJobsStorage__queueServiceUri" => "https://stexample.queue.core.windows.net/",
                "AzureWebJobsStorage__tableServiceUri" => "https://stexample.table.core.windows.net/",
                "Recognizer__AzureLanguage__Endpoint" => "https://lang-example.cognitiveservices.azure.com/",
                _ => ResolveValue(setting.Value, module) ?? "00000000-0000-0000-0000-000000000000",
            };
        }
        return values;
    }

    private string? ResolveValue(string? value, JsonObject module)
    {
        if (value is null || !value.StartsWith('['))
        {
            return value;
        }
        var match = ParameterExpression().Match(value);
        if (!match.Success)
        {
            return null;
        }
        var passed = CompiledTemplate.ModuleParameter(module, match.Groups["name"].Value);
        if (passed is JsonValue literal && literal.TryGetValue<string>(out var text) && text.StartsWith('['))
        {
            var main = ParameterExpression().Match(text);
            return main.Success ? Literal(compiled.Main["parameters"]![main.Groups["name"].Value]?["defaultValue"]) : null;
        }
        return Literal(passed);
    }

    private static string? Literal(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "True" : "False",
        _ => node.ToJsonString(),
    };

    // [parameters('x')] or [string(parameters('x'))]
    [GeneratedRegex(@"^\[(?:string\()?parameters\('(?<name>[^']+)'\)\)?\]$")]
    private static partial Regex ParameterExpression();
}
