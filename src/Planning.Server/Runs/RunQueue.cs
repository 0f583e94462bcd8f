using Planning.Server.Common;

namespace Planning.Server.Runs;

/// <summary>
/// At most <see cref="ServerLimits.MaxConcurrentRuns"/> simulations compute at once; the others wait
/// in line, first come first served, up to <see cref="ServerLimits.MaxQueuedRuns"/>. The solver
/// uses every core it gets, so running more at once only makes each slower.
/// </summary>
public sealed class RunQueue(ServerLimits limits)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<TaskCompletionSource> _line = new();
    private int _computing;
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>Takes a place to compute at once when one is free, else a place in line.</summary>
    /// <exception cref="LimitExceededException">The line is full.</exception>
    public Place Join()
    {
        lock (_gate)
        {
            if (_computing < limits.MaxConcurrentRuns && _line.Count == 0)
            {
                _computing++;
                return new Place(this, null);
            }
            if (_line.Count >= limits.MaxQueuedRuns)
            {
                throw new LimitExceededException(
                    $"{_computing} run(s) are computing and {_line.Count} are waiting, the most this server queues " +
                    $"(Limits:MaxQueuedRuns = {limits.MaxQueuedRuns}); retry when one has finished");
            }
            return new Place(this, _line.AddLast(NewSignal()));
        }
    }

    /// <summary>A run's place: in line until <see cref="WaitAsync"/> returns, then computing until disposed.</summary>
    public sealed class Place(RunQueue queue, LinkedListNode<TaskCompletionSource>? node) : IDisposable
    {
        private bool _disposed;

        /// <summary>True when the run could start at once.</summary>
        public bool StartedAtOnce { get; } = node is null;

        /// <summary>Waits for the run's turn, telling its position (1 = next) whenever the line moves.</summary>
        public async Task WaitAsync(Func<int, Task> position, CancellationToken ct)
        {
            if (node is null)
            {
                return;
            }
            while (true)
            {
                int ahead;
                Task changed;
                lock (queue._gate)
                {
                    if (node.Value.Task.IsCompleted)
                    {
                        return;
                    }
                    ahead = 0;
                    for (var n = node.Previous; n is not null; n = n.Previous)
                    {
                        ahead++;
                    }
                    changed = queue._changed.Task;
                }
                await position(ahead + 1);
                await Task.WhenAny(node.Value.Task, changed).WaitAsync(ct);
            }
        }

        /// <summary>Leaves the line, or gives the place to compute to the next run in line.</summary>
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            lock (queue._gate)
            {
                if (node is not null && node.List is not null)
                {
                    queue._line.Remove(node); // left before its turn
                }
                else if (queue._line.First is { } next)
                {
                    queue._line.RemoveFirst();
                    next.Value.TrySetResult(); // the place passes on; _computing stays the same
                }
                else
                {
                    queue._computing--;
                }
                queue.Signal();
            }
        }
    }

    private void Signal()
    {
        var changed = _changed;
        _changed = NewSignal();
        changed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
