using System.Runtime.ExceptionServices;
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
            var host = Current = buildHost(services => services.AddSupervisedExceptionHandler(fault));
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
