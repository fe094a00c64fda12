using System.Runtime.InteropServices;

namespace Ingest.Cli.Commands;

/// <summary>
/// SIGTERM (docker stop, systemd, a CI timeout, <c>kill</c>) and SIGINT (Ctrl+C) as a cancellation: the long-running
/// commands stop what they started (hosts, Azurite) instead of the runtime ending the process under them.
/// </summary>
internal sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly PosixSignalRegistration _sigterm;
    private readonly PosixSignalRegistration _sigint;

    /// <param name="cancellationToken">The command line's own token, which also stops the run.</param>
    public StopSignal(CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        _sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
    }

    /// <summary>Cancelled by either signal or by the command line's token.</summary>
    public CancellationToken Token => _stop.Token;

    private void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        _stop.Cancel();
    }

    public void Dispose()
    {
        _sigterm.Dispose();
        _sigint.Dispose();
        _stop.Dispose();
    }
}
