using System.Reflection;
using System.Text.RegularExpressions;
using Ingest.Core.Configuration;
using Ingest.Core.Recognition.AzureLanguage;
using Ingest.Core.Storage;
using Ingest.Functions;

namespace Ingest.Infrastructure.Tests;

/// <summary>
/// The configuration keys the code reads, found from the code itself: the options classes and their section
/// names, the recognizer switch, the storage connection, and every <c>%setting%</c> in a function's trigger attributes.
/// Keys are returned in app-setting form (<c>:</c> written as <c>__</c>), as Azure app settings name them.
/// </summary>
internal static partial class CodeConfiguration
{
    /// <summary>Identity-connection keys only the Functions host reads (not Ingest.Core): which credential to use.</summary>
    public static readonly IReadOnlySet<string> HostOnlyStorageKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        AppSettingName($"{StorageOptions.ConnectionName}:credential"),
    };

    public static string AppSettingName(string configurationKey) => configurationKey.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>Every key bound to <see cref="PipelineOptions"/> (section <c>Ingest</c>).</summary>
    public static IReadOnlyList<string> PipelineKeys() => OptionKeys(typeof(PipelineOptions), PipelineOptions.SectionName).ToList();

    /// <summary>Every key bound to <see cref="AzureLanguageOptions"/> (section <c>Recognizer:AzureLanguage</c>), nested objects included.</summary>
    public static IReadOnlyList<string> AzureLanguageKeys() => OptionKeys(typeof(AzureLanguageOptions), AzureLanguageOptions.SectionName).ToList();

    public static string RecognizerKindKey => AppSettingName(StageRegistrations.RecognizerKindKey);

    /// <summary>The connection-string key (<c>AzureWebJobsStorage</c>) that the host, the triggers and Ingest.Core read.</summary>
    public static string StorageConnectionKey => AppSettingName(StorageOptions.ConnectionName);

    /// <summary>
    /// The identity-connection keys Ingest.Core reads under <c>AzureWebJobsStorage</c>: one per
    /// <see cref="StorageOptions"/> property except the connection string (which is the section's own value),
    /// camel-cased as the Functions host spells them (<c>accountName</c>, <c>blobServiceUri</c>, ...).
    /// </summary>
    public static IReadOnlyList<string> StorageIdentityKeys() =>
        typeof(StorageOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.Name != nameof(StorageOptions.ConnectionString))
            .Select(p => AppSettingName($"{StorageOptions.ConnectionName}:{char.ToLowerInvariant(p.Name[0])}{p.Name[1..]}"))
            .ToList();

    /// <summary>
    /// App settings the function triggers resolve when the host indexes them: each <c>%name%</c> in a string
    /// property of a parameter attribute (e.g. the timer's <c>%Ingest:ReconcileSchedule%</c>), and each explicit
    /// <c>Connection</c>. A missing one makes the function fail to index.
    /// </summary>
    public static IReadOnlyList<string> TriggerSettingKeys()
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        var parameters = FunctionNames.Types
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .SelectMany(m => m.GetParameters());
        foreach (var attribute in parameters.SelectMany(p => p.GetCustomAttributes(inherit: false)))
        {
            foreach (var property in attribute.GetType().GetProperties().Where(p => p.PropertyType == typeof(string)))
            {
                if (property.GetValue(attribute) is not string { Length: > 0 } value)
                {
                    continue;
                }
                foreach (Match match in SettingReference().Matches(value))
                {
                    keys.Add(AppSettingName(match.Groups["key"].Value));
                }
                if (property.Name == "Connection")
                {
                    keys.Add(AppSettingName(value));
                }
            }
        }
        return keys.ToList();
    }

    /// <summary>Every key, in app-setting form, that the code binds or resolves.</summary>
    public static IReadOnlySet<string> AllBoundKeys() =>
        PipelineKeys()
            .Concat(AzureLanguageKeys())
            .Append(RecognizerKindKey)
            .Append(StorageConnectionKey)
            .Concat(StorageIdentityKeys())
            .Concat(TriggerSettingKeys())
            .ToHashSet(StringComparer.Ordinal);

    // Mirrors ConfigurationBinder: public settable properties; nested option classes become sub-sections.
    private static IEnumerable<string> OptionKeys(Type type, string section)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var key = $"{section}:{property.Name}";
            if (property.PropertyType.IsClass && property.PropertyType.Namespace?.StartsWith("Ingest.", StringComparison.Ordinal) == true)
            {
                foreach (var nested in OptionKeys(property.PropertyType, key))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return AppSettingName(key);
            }
        }
    }

    [GeneratedRegex("%(?<key>[^%]+)%")]
    private static partial Regex SettingReference();
}
