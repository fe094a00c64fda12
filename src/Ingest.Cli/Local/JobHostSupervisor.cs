using System.Runtime.ExceptionServices;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Azure.WebJobs.Host.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ingest.Cli.Local;

/// <summary>How long the supervisor waits before restarting a job host that failed.</summary>
internal sealed record JobHostRestartBackoff
{
    public JobHostRestartBackoff(TimeSpan initialDelay, TimeSpan maxDelay, TimeSpan healthyRun)
    {
        if (initialDelay <= TimeSpan.Zero || maxDelay < initialDelay || healthyRun <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(initialDelay),
                $"Restart backoff needs 0 < initial delay ≤ max delay and a positive healthy run (got {initialDelay}, {maxDelay}, {healthyRun}).");
        }
        InitialDelay = initialDelay;
        MaxDelay = maxDelay;
        HealthyRun = healthyRun;
    }

    /// <summary>1 s, doubling to 30 s; a host that ran a minute before failing starts the sequence again.</summary>
    public static JobHostRestartBackoff Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1));

    public TimeSpan InitialDelay { get; }
    public TimeSpan MaxDelay { get; }
    /// <summary>A host that ran at least this long before failing counts as recovered: the next delay is the initial one again.</summary>
    public TimeSpan HealthyRun { get; }

    public TimeSpan DelayFor(int consecutiveFailures) =>
        TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, InitialDelay.Ticks * (1L << Math.Min(consecutiveFailures, 20))));
}

/// <summary>
/// Keeps the local job host running the way the Azure Functions host keeps its job host running. The storage
/// extension's listeners hand exceptions they do not handle (connection refused while storage is down) to
/// <see cref="IWebJobsExceptionHandler"/>, whose default rethrows on a new thread and so ends the process, on the
/// assumption that a platform restarts it. Locally nothing does, so this supervisor replaces the handler with one
/// that reports the fault, then stops and disposes the failed host and builds a fresh one after a backoff. The
/// chain needs nothing more to catch up: its state is in queues, work items and the Articles row.
/// Cancelling the run (Ctrl+C, SIGTERM) stops the current host and never restarts one.
/// </summary>
internal sealed class JobHostSupervisor(
    Func<Action<IServiceCollection>, IHost> buildHost,
    JobHostRestartBackoff backoff,
    ILogger logger,
    TimeProvider timeProvider)
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    /// <summary>A failed host's listeners may hang on a storage that is gone; its stop gets a short leash.</summary>
    private static readonly TimeSpan FailedHostStopTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Number of times a failed host was replaced, for the caller's summary.</summary>
    public int Restarts { get; private set; }

    /// <summary>The host built last: the one running now, or the one being replaced.</summary>
    public IHost? Current { get; private set; }

    /// <summary>
    /// Starts the host and keeps it running until <paramref name="cancellationToken"/> is cancelled. A failure of the
    /// first start is thrown (a wrong setting should not loop); failures after that are retried with the backoff.
    /// </summary>
    public async Task RunAsync(Action onFirstStart, CancellationToken cancellationToken)
    {
        var consecutiveFailures = 0;
        var firstStart = true;
        while (true)
        {
            var fault = new TaskCompletionSource<ExceptionDispatchInfo>(TaskCreationOptions.RunContinuationsAsynchronously);
            var locks = new RevocableLockManager.Revocation();
            var host = Current = buildHost(services => services.AddSupervisedExceptionHandler(fault).AddRevocableLockManager(locks));
            try
            {
                try
                {
                    await host.StartAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (!firstStart && !cancellationToken.IsCancellationRequested)
                {
                    var delay = backoff.DelayFor(consecutiveFailures++);
                    logger.LogWarning(ex, "Job host could not start again; retrying in {DelaySeconds:0.#} s", delay.TotalSeconds);
                    locks.Revoke();
                    await StopQuietlyAsync(host).ConfigureAwait(false);
                    if (!await DelayAsync(delay, cancellationToken).ConfigureAwait(false))
                    {
                        return;
                    }
                    continue;
                }

                if (firstStart)
                {
                    firstStart = false;
                    onFirstStart();
                }
                else
                {
                    logger.LogWarning("Job host restarted (restart {Restart}); the chain resumes from its queues", Restarts);
                }
                var startedAt = timeProvider.GetTimestamp();

                var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                using (cancellationToken.Register(() => stopped.TrySetResult()))
                {
                    await Task.WhenAny(fault.Task, stopped.Task).ConfigureAwait(false);
                }
                if (cancellationToken.IsCancellationRequested)
                {
                    // A clean shutdown, even if a fault arrived in the same instant: stop, never restart.
                    using var stopTimeout = new CancellationTokenSource(StopTimeout);
                    await host.StopAsync(stopTimeout.Token).ConfigureAwait(false);
                    return;
                }

                if (timeProvider.GetElapsedTime(startedAt) >= backoff.HealthyRun)
                {
                    consecutiveFailures = 0;
                }
                var restartDelay = backoff.DelayFor(consecutiveFailures++);
                var error = fault.Task.Result.SourceException;
                logger.LogError(error, "Job host failed (storage unreachable?); stopping it and restarting in {DelaySeconds:0.#} s", restartDelay.TotalSeconds);
                // First of all the failed host lets go of its singleton locks for good (see RevocableLockManager).
                locks.Revoke();
                await StopQuietlyAsync(host).ConfigureAwait(false);
                Restarts++;
                if (!await DelayAsync(restartDelay, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
            finally
            {
                DisposeQuietly(host);
            }
        }
    }

    /// <summary>Stops a host that failed; its own errors while stopping are expected (storage is gone) and only logged.</summary>
    private async Task StopQuietlyAsync(IHost host)
    {
        try
        {
            using var timeout = new CancellationTokenSource(FailedHostStopTimeout);
            await host.StopAsync(timeout.Token).WaitAsync(FailedHostStopTimeout + TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "The failed job host did not stop cleanly");
        }
    }

    /// <summary>
    /// Disposes a host. A host whose listeners failed can throw while disposing them (seen: "The timer has already been
    /// stopped" from a queue listener stopped after its failure); that must not end the supervisor.
    /// </summary>
    private void DisposeQuietly(IHost host)
    {
        try
        {
            host.Dispose();
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "The job host did not dispose cleanly");
        }
    }

    /// <summary>Waits the backoff; false when the run was cancelled meanwhile.</summary>
    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

/// <summary>
/// Replaces the WebJobs default exception handler (which rethrows on a new thread and ends the process) with one
/// that hands the exception to the supervisor. The WebJobs host registers its factory with TryAdd and resolves the
/// handler as a single service, so a registration added after <c>ConfigureWebJobs</c> wins.
/// </summary>
internal static class SupervisedExceptionHandlerRegistration
{
    public static IServiceCollection AddSupervisedExceptionHandler(this IServiceCollection services, TaskCompletionSource<ExceptionDispatchInfo> fault)
    {
        var handler = new SupervisedExceptionHandler(fault);
        services.AddSingleton<IWebJobsExceptionHandlerFactory>(new SupervisedExceptionHandlerFactory(handler));
        services.AddSingleton<IWebJobsExceptionHandler>(handler);
        return services;
    }

    /// <summary>Wraps the lock manager WebJobs registered (the blob-lease one) in a <see cref="RevocableLockManager"/>.</summary>
    public static IServiceCollection AddRevocableLockManager(this IServiceCollection services, RevocableLockManager.Revocation revocation)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IDistributedLockManager))
            ?? throw new InvalidOperationException("The WebJobs host registered no IDistributedLockManager to wrap.");
        services.Remove(registered);
        services.AddSingleton<IDistributedLockManager>(provider => new RevocableLockManager(Create(registered, provider), revocation));
        return services;
    }

    private static IDistributedLockManager Create(ServiceDescriptor descriptor, IServiceProvider provider) => (IDistributedLockManager)(
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(provider)
        ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));

    private sealed class SupervisedExceptionHandlerFactory(IWebJobsExceptionHandler handler) : IWebJobsExceptionHandlerFactory
    {
        public IWebJobsExceptionHandler Create(IHost jobHost) => handler;
    }

    private sealed class SupervisedExceptionHandler(TaskCompletionSource<ExceptionDispatchInfo> fault) : IWebJobsExceptionHandler
    {
        public Task OnTimeoutExceptionAsync(ExceptionDispatchInfo exceptionInfo, TimeSpan timeoutGracePeriod)
        {
            // A function that overran functionTimeout with ThrowOnTimeout: the default handler ends the process so
            // the platform restarts it; a fresh host is the local equivalent.
            fault.TrySetResult(exceptionInfo);
            return Task.CompletedTask;
        }

        public Task OnUnhandledExceptionAsync(ExceptionDispatchInfo exceptionInfo)
        {
            fault.TrySetResult(exceptionInfo);
            return Task.CompletedTask;
        }
    }
}

/// <summary>
/// The WebJobs singleton lock manager of one job host, with a switch the supervisor throws when it gives that host up.
/// A failed host is stopped with a short leash and may not stop or dispose cleanly while storage is slow; its lock
/// renewal timers and its listeners' lock-recovery timers can then outlive it, keep renewing the timer and blob-listener
/// leases (or take them again a minute later) and start nothing. Seen in the 2,000-file load test: after both hosts
/// were restarted, the sweep timer and the blob listener never ran again and their leases stayed held for good. Once
/// revoked, this manager renews and acquires nothing, so the leases lapse within one lease period and the replacement
/// host's listeners take them over; releasing still goes through, which is what a clean stop does.
/// </summary>
internal sealed class RevocableLockManager(IDistributedLockManager inner, RevocableLockManager.Revocation revocation) : IDistributedLockManager
{
    /// <summary>Shared by the supervisor and the host's lock manager, which DI creates later.</summary>
    public sealed class Revocation
    {
        private volatile bool _revoked;

        public bool IsRevoked => _revoked;

        public void Revoke() => _revoked = true;
    }

    public Task<IDistributedLock?> TryLockAsync(string account, string lockId, string lockOwnerId, string proposedLeaseId, TimeSpan lockPeriod,
        CancellationToken cancellationToken) =>
        revocation.IsRevoked ? Task.FromResult<IDistributedLock?>(null) : inner.TryLockAsync(account, lockId, lockOwnerId, proposedLeaseId, lockPeriod, cancellationToken)!;

    /// <summary>Revoked: reports a failed renewal (WebJobs then retries sooner, still without a storage call) and lets the lease lapse.</summary>
    public Task<bool> RenewAsync(IDistributedLock lockHandle, CancellationToken cancellationToken) =>
        revocation.IsRevoked ? Task.FromResult(false) : inner.RenewAsync(lockHandle, cancellationToken);

    public Task<string> GetLockOwnerAsync(string account, string lockId, CancellationToken cancellationToken) =>
        inner.GetLockOwnerAsync(account, lockId, cancellationToken);

    public Task ReleaseLockAsync(IDistributedLock lockHandle, CancellationToken cancellationToken) =>
        inner.ReleaseLockAsync(lockHandle, cancellationToken);
}
