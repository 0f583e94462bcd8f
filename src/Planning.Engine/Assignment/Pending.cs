namespace Planning.Engine.Assignment;

/// <summary>
/// Work's answer when asked for: computed on another thread from creation when <c>beside</c>, else
/// once, when first asked. The answer is the same either way. Work started beside is settled before
/// the caller returns, so its phase (<see cref="PhaseClock"/>) never lands after the caller's: by
/// <see cref="Value"/> or <see cref="Settle"/> on the way out, and by <see cref="Dispose"/> when the
/// caller leaves by an exception (a caller holds it with <c>using</c>).
/// </summary>
internal sealed class Pending<T> : IDisposable
{
    private readonly Lazy<T>? _later;
    private readonly Task<T>? _task;

    public Pending(bool beside, Func<T> work)
    {
        if (beside)
        {
            _task = Task.Run(work);
        }
        else
        {
            _later = new Lazy<T>(work, LazyThreadSafetyMode.None);
        }
    }

    public T Value => _task is null ? _later!.Value : _task.GetAwaiter().GetResult();

    /// <summary>Waits for the work when it was started on another thread, and throws what it threw; never starts it.</summary>
    public void Settle() => _task?.GetAwaiter().GetResult();

    /// <summary>
    /// Waits for work started on another thread, so a caller leaving by an exception leaves nothing
    /// running; never starts it, and never throws: the caller's own exception is the one that counts,
    /// and on the way out without one, <see cref="Value"/> or <see cref="Settle"/> already threw the work's.
    /// </summary>
    public void Dispose()
    {
        ((Task?)_task)?.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing).GetAwaiter().GetResult();
    }
}
