namespace Planning.Server.Common;

/// <summary>
/// At most a fixed number of callers inside at once over the whole server; later callers wait for
/// their turn (or until they give up). The slot returned is given back once, however often it is disposed.
/// </summary>
public abstract class Gate(int slots) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(slots, slots);

    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        return new Slot(_slots);
    }

    public void Dispose()
    {
        _slots.Dispose();
        GC.SuppressFinalize(this);
    }

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
