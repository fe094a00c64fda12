using Azure.Core;
using Ingest.Core.Recognition;
using Ingest.Core.Recognition.AzureLanguage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ingest.Core.Tests.Recognition.AzureLanguage;

/// <summary>
/// Builds the recognizer the way the app does, through <c>AddAzureLanguageRecognizer</c> and configuration keys,
/// pointed at a <see cref="FakeLanguageService"/>. Backoff is shortened so failure tests run in milliseconds.
/// </summary>
public sealed class RecognizerHarness : IAsyncDisposable
{
    public const string Key = "test-key-7f3a";
    private const string Section = AzureLanguageOptions.SectionName;

    private readonly ServiceProvider _provider;

    private RecognizerHarness(ServiceProvider provider, RecordingLoggerProvider logs)
    {
        _provider = provider;
        Logs = logs;
    }

    public RecordingLoggerProvider Logs { get; }

    public IServiceProvider Services => _provider;

    public IEntityRecognizer Recognizer => _provider.GetRequiredService<IEntityRecognizer>();

    public static RecognizerHarness Create(
        FakeLanguageService server,
        IDictionary<string, string?>? settings = null,
        TimeProvider? timeProvider = null,
        TokenCredential? credential = null,
        IEntityRecognizer? offline = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var values = new Dictionary<string, string?>
        {
            [$"{Section}:Endpoint"] = server.Endpoint.ToString(),
            [$"{Section}:Key"] = Key,
            [$"{Section}:RetryBaseDelay"] = "00:00:00.010",
            [$"{Section}:MaxRetryDelay"] = "00:00:00.050",
            [$"{Section}:AttemptTimeout"] = "00:00:10",
            [$"{Section}:MaxRetries"] = "3",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[$"{Section}:{key}"] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        var logs = new RecordingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }
        if (credential is not null)
        {
            services.AddSingleton(credential);
        }
        configureServices?.Invoke(services);
        services.AddAzureLanguageRecognizer(configuration.GetSection(Section), offline is null ? null : _ => offline);
        return new RecognizerHarness(services.BuildServiceProvider(), logs);
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
