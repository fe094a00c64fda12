using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Azure;
using Ingest.Cli.Local;
using Ingest.IntegrationTests.Infrastructure;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Azure.WebJobs.Host.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ingest.IntegrationTests;

/// <summary>
/// The supervisor `ingest up` runs the job host under, on a real JobHost and Azurite: the exception handler WebJobs
/// resolves is the supervisor's, a fault reported to it replaces the host, and a cancelled run stops without a restart.
/// </summary>
public sealed class JobHostSupervisorTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_fault_reported_to_the_webjobs_exception_handler_replaces_the_host_and_a_cancelled_run_does_not_restart()
    {
        var hosts = new ConcurrentQueue<IHost>();
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(logs));
        var supervisor = new JobHostSupervisor(
            configureServices =>
            {
                var host = LocalFunctionHost.Build(azurite.ConnectionString, ChainHost.FastSettings, configureServices: configureServices);
                hosts.Enqueue(host);
                return host;
            },
            new JobHostRestartBackoff(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1)),
            loggerFactory.CreateLogger<JobHostSupervisor>(),
            TimeProvider.System);

        using var stop = new CancellationTokenSource();
        var firstStart = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = supervisor.RunAsync(() => firstStart.SetResult(), stop.Token);
        await firstStart.Task.WaitAsync(TimeSpan.FromSeconds(90));

        // What the storage extension's listeners do with an exception they do not handle: resolve the WebJobs
        // exception handler (directly or through its factory) and hand it over. The default would end the process.
        var first = Assert.Single(hosts);
        var handler = first.Services.GetRequiredService<IWebJobsExceptionHandler>();
        var oldLocks = first.Services.GetRequiredService<IDistributedLockManager>();
        Assert.Same(handler, first.Services.GetRequiredService<IWebJobsExceptionHandlerFactory>().Create(first));
        await handler.OnUnhandledExceptionAsync(ExceptionDispatchInfo.Capture(new RequestFailedException("Connection refused (127.0.0.1:1)")));

        await ChainProbe.WaitUntilAsync(() => Task.FromResult(logs.Lines.Any(l => l.Contains("Job host restarted", StringComparison.Ordinal))), TimeSpan.FromSeconds(90));
        Assert.Equal(2, hosts.Count);
        Assert.Equal(1, supervisor.Restarts);
        Assert.Contains(logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("Job host failed", StringComparison.Ordinal));
        // The failed host's singleton locks were revoked: whatever of it outlives the stop can no longer hold a lease.
        Assert.IsType<RevocableLockManager>(oldLocks);
        Assert.Null(await oldLocks.TryLockAsync(null!, "supervised/revoked", "old-host", null!, TimeSpan.FromSeconds(15), CancellationToken.None));

        // The replacement host runs the chain.
        var (_, id) = await ChainDriver.DropAsync(azurite.Clients, "supervised/after-restart.txt",
            $"Supervised story\n\n{TestTexts.DistinctBody(3000, 40)}");
        Assert.Equal(Ingest.Core.Articles.ArticleStatus.Processed, (await ChainDriver.WaitForOutcomeAsync(azurite.Clients, id)).Status);

        // A clean shutdown returns promptly and is not taken for a failure.
        stop.Cancel();
        await run.WaitAsync(TimeSpan.FromSeconds(45));
        Assert.Equal(2, hosts.Count);
        Assert.Equal(1, supervisor.Restarts);
    }

    /// <summary>
    /// The lock manager the supervisor gives each host, on real blob leases: once revoked it neither renews nor takes a
    /// lock, so a lease it held lapses and another host's manager takes it over.
    /// </summary>
    [Fact]
    public async Task A_revoked_host_lets_its_lease_lapse_and_another_host_takes_the_lock()
    {
        var oldRevocation = new RevocableLockManager.Revocation();
        using var oldHost = LocalFunctionHost.Build(azurite.ConnectionString, ChainHost.FastSettings,
            configureServices: services => services.AddRevocableLockManager(oldRevocation));
        using var newHost = LocalFunctionHost.Build(azurite.ConnectionString, ChainHost.FastSettings,
            configureServices: services => services.AddRevocableLockManager(new RevocableLockManager.Revocation()));
        var oldLocks = oldHost.Services.GetRequiredService<IDistributedLockManager>();
        var newLocks = newHost.Services.GetRequiredService<IDistributedLockManager>();
        var period = TimeSpan.FromSeconds(15); // the shortest lease blob storage grants
        var lockId = $"supervised/{Guid.NewGuid():N}";

        var held = await oldLocks.TryLockAsync(null!, lockId, "old-host", null!, period, CancellationToken.None);
        Assert.NotNull(held);
        Assert.True(await oldLocks.RenewAsync(held, CancellationToken.None));
        Assert.Null(await newLocks.TryLockAsync(null!, lockId, "new-host", null!, period, CancellationToken.None));

        oldRevocation.Revoke();
        Assert.False(await oldLocks.RenewAsync(held, CancellationToken.None));

        // Within a lease period (plus slack for a busy machine) the lease lapses and the other host gets the lock.
        IDistributedLock? taken = null;
        await ChainProbe.WaitUntilAsync(async () =>
            (taken = await newLocks.TryLockAsync(null!, lockId, "new-host", null!, period, CancellationToken.None)) is not null, TimeSpan.FromSeconds(60));
        Assert.True(await newLocks.RenewAsync(taken!, CancellationToken.None));
        Assert.Null(await oldLocks.TryLockAsync(null!, lockId, "old-host", null!, period, CancellationToken.None));
        await newLocks.ReleaseLockAsync(taken!, CancellationToken.None);
    }

    [Fact]
    public void Backoff_doubles_from_the_initial_delay_up_to_the_cap()
    {
        var backoff = new JobHostRestartBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1));

        Assert.Equal([1, 2, 4, 8, 16, 30, 30], Enumerable.Range(0, 7).Select(n => backoff.DelayFor(n).TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(30), backoff.DelayFor(int.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => new JobHostRestartBackoff(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new JobHostRestartBackoff(TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1)));
    }
}
