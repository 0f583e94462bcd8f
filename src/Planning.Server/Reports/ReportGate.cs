namespace Planning.Server.Reports;

/// <summary>
/// Lets at most as many reports be drawn at once as the machine has processors: drawing is CPU work
/// that would otherwise crowd out the runs and every other call. Later callers wait for their turn
/// (or until they give up).
/// </summary>
public sealed class ReportGate : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Environment.ProcessorCount, Environment.ProcessorCount);

    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        return new Slot(_slots);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
