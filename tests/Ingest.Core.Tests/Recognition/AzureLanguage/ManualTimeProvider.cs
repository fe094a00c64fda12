namespace Ingest.Core.Tests.Recognition.AzureLanguage;

/// <summary>
/// A clock that moves only when the test says so. Polly takes its delays and timeouts from the
/// <see cref="TimeProvider"/> it is given, so a test can see exactly which wait was scheduled (say, the 7 s a
/// <c>Retry-After</c> asked for) and release it without sleeping.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now;

    public ManualTimeProvider(DateTimeOffset start) => _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>The waits currently scheduled, as they were requested.</summary>
    public IReadOnlyList<TimeSpan> PendingWaits
    {
        get
        {
            lock (_gate)
            {
                return [.. _timers.Where(t => t.DueAt is not null).Select(t => t.RequestedDue)];
            }
        }
    }

    /// <summary>Waits (in real time, bounded) until a wait of exactly <paramref name="wait"/> is scheduled.</summary>
    public async Task WaitUntilScheduledAsync(TimeSpan wait, TimeSpan realTimeLimit)
    {
        var giveUpAt = DateTime.UtcNow + realTimeLimit;
        while (!PendingWaits.Contains(wait))
        {
            if (DateTime.UtcNow > giveUpAt)
            {
                throw new TimeoutException($"No wait of {wait} was scheduled; pending: [{string.Join(", ", PendingWaits)}].");
            }
            await Task.Delay(10);
        }
    }

    public void Advance(TimeSpan by)
    {
        List<ManualTimer> due;
        lock (_gate)
        {
            _now += by;
            due = _timers.Where(t => t.DueAt is { } at && at <= _now).ToList();
            foreach (var timer in due)
            {
                timer.DueAt = timer.Period > TimeSpan.Zero ? _now + timer.Period : null;
            }
        }
        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? DueAt { get; set; }
        public TimeSpan RequestedDue { get; private set; }
        public TimeSpan Period { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                RequestedDue = dueTime;
                Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner._now + dueTime;
                if (!owner._timers.Contains(this))
                {
                    owner._timers.Add(this);
                }
            }
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (owner._gate)
            {
                DueAt = null;
                owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
