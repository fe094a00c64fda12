using Ingest.Core.Configuration;
using Ingest.Core.Storage;
using Ingest.Functions;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ingest.Cli.Local;

/// <summary>
/// Hosts the function app's own classes on the WebJobs SDK JobHost — the trigger engine underneath the
/// Functions host — against any storage account, Azurite included. Same triggers, same bindings, same
/// host.json queue settings, same Core registration as the deployed app.
/// </summary>
internal static class LocalFunctionHost
{
    /// <summary>All local hosts of one storage account share this id, so they share blob receipts and leases like scaled-out instances.</summary>
    public const string HostId = "ingest-local-host";

    public const string LocalReconcileSchedule = "*/5 * * * * *";
    public const string LocalReconcileGrace = "00:00:10";
    /// <summary>Every minute locally, so an operator trying a short <c>Ingest:Dedup:Window</c> sees entries go.</summary>
    public const string LocalDedupCleanupSchedule = "0 */1 * * * *";

    /// <summary>
    /// A supervisor that builds this host, restarting it after a fault WebJobs hands to its exception handler, as the
    /// Functions host would: what `ingest up`, the harness's `ingest host` and the integration tests run.
    /// </summary>
    public static JobHostSupervisor Supervised(string connectionString, HostJsonSettings settings, ILoggerFactory loggerFactory,
        Action<ILoggingBuilder>? configureLogging = null,
        IEnumerable<KeyValuePair<string, string?>>? extraSettings = null, Action<IServiceCollection>? configureServices = null) =>
        new(supervision => Build(connectionString, settings, configureLogging, extraSettings, services =>
            {
                configureServices?.Invoke(services);
                supervision(services);
            }),
            JobHostRestartBackoff.Default,
            loggerFactory.CreateLogger<JobHostSupervisor>(),
            TimeProvider.System);

    public static IHost Build(string connectionString, HostJsonSettings settings, Action<ILoggingBuilder>? configureLogging = null,
        IEnumerable<KeyValuePair<string, string?>>? extraSettings = null, Action<IServiceCollection>? configureServices = null)
    {
        var builder = new HostBuilder()
            .ConfigureAppConfiguration(configuration =>
            {
                // Later sources win: local defaults, then the environment, then what the caller passes.
                configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    // %Ingest:ReconcileSchedule% in the timer attribute must resolve. The emulator has no storage
                    // analytics logs (the scan trigger's backstop in Azure), so locally the sweep is the only backstop
                    // for blobs the scan misses (several uploads in one second): sweep often.
                    ["Ingest:ReconcileSchedule"] = LocalReconcileSchedule,
                    ["Ingest:ReconcileGrace"] = LocalReconcileGrace,
                    // %Ingest:DedupCleanupSchedule% must resolve too.
                    ["Ingest:DedupCleanupSchedule"] = LocalDedupCleanupSchedule,
                });
                configuration.AddEnvironmentVariables();
                configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    [StorageOptions.ConnectionName] = connectionString,
                });
                if (extraSettings is not null)
                {
                    configuration.AddInMemoryCollection(extraSettings);
                }
            })
            // Registered before the WebJobs host service so containers, queues and tables exist before listeners poll them.
            .ConfigureServices(services => services.AddHostedService<ChainResourcesInitializer>())
            .ConfigureWebJobs(webJobs =>
            {
                webJobs.UseHostId(HostId);
                webJobs.AddAzureStorageCoreServices();
                webJobs.AddTimers();
                webJobs.AddAzureStorage(queues =>
                {
                    queues.MaxPollingInterval = settings.MaxPollingInterval;
                    queues.VisibilityTimeout = settings.VisibilityTimeout;
                    queues.BatchSize = settings.BatchSize;
                    queues.NewBatchThreshold = settings.NewBatchThreshold;
                    queues.MaxDequeueCount = settings.MaxDequeueCount;
                });
            })
            .ConfigureLogging(logging =>
            {
                logging.ClearProviders();
                configureLogging?.Invoke(logging);
            })
            .ConfigureServices((context, services) =>
            {
                services.AddIngestChain(context.Configuration);
                // After the chain: the last registration of a service wins, so an embedding host (tests, benchmarks) can swap a port.
                configureServices?.Invoke(services);
                services.AddSingleton<ITypeLocator>(new FunctionTypeLocator(FunctionNames.Types));
                services.AddSingleton<IJobActivator, ServiceProviderJobActivator>();
                if (settings.FunctionTimeout is { } timeout && timeout > TimeSpan.Zero)
                {
                    services.Configure<JobHostFunctionTimeoutOptions>(o =>
                    {
                        o.Timeout = timeout;
                        o.ThrowOnTimeout = false;
                    });
                }
            });
        // No console lifetime: the CLI owns Ctrl+C/SIGTERM and stops the host (and any Azurite it started) itself.
        return builder.Build();
    }

    /// <summary>Indexes exactly the function app's classes instead of scanning every loaded assembly.</summary>
    private sealed class FunctionTypeLocator(IReadOnlyList<Type> types) : ITypeLocator
    {
        public IReadOnlyList<Type> GetTypes() => types;
    }

    /// <summary>Creates function instances through DI, as the Functions host does, so constructor injection works alike.</summary>
    private sealed class ServiceProviderJobActivator(IServiceProvider services) : IJobActivator
    {
        public T CreateInstance<T>() => ActivatorUtilities.GetServiceOrCreateInstance<T>(services);
    }

    /// <summary>Creates containers, queues and tables before the listeners start polling them.</summary>
    private sealed class ChainResourcesInitializer(StorageClients clients) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => clients.EnsureChainResourcesAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
