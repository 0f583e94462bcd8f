using System.Threading.RateLimiting;

namespace Planning.Server.Hosting;

/// <summary>
/// Unary calls in progress, shared between API keys: a key calling alone may have <c>perKey</c> calls at once
/// (Limits:MaxConcurrentCallsPerKey, the cores); while n keys call, each may have <c>perKey / n</c>, at least
/// one. A key counts as calling while it has calls going or waiting and for <see cref="Recent"/> after, so a
/// reader's pause between two calls does not hand its share back to a flood. A call over its key's share
/// waits in the key's own line (<c>queuePerKey</c>, oldest first; one more is refused); when a call ends, the
/// lines are served in turn. A flooding key then holds no more of the cores than any other calling key.
/// ASP.NET Core's partitioned limiters keep every key apart and cannot share places between keys; this one
/// plugs into the same rate-limiting middleware. The key "" is not limited (streams, calls without a key).
/// </summary>
public sealed class FairShareLimiter(int perKey, int queuePerKey, Func<long>? clockMs = null) : PartitionedRateLimiter<string>
{
    /// <summary>How long a key that has stopped calling still counts as calling.</summary>
    public static readonly TimeSpan Recent = TimeSpan.FromMilliseconds(250);

    private readonly Func<long> _clockMs = clockMs ?? (() => Environment.TickCount64);
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Caller> _callers = [];
    private readonly LinkedList<Caller> _recent = []; // keys that stopped calling, oldest first
    private readonly LinkedList<Caller> _turns = [];  // keys with calls waiting, the next to be served first
    private int _calling;                              // keys with calls going or waiting

    private sealed class Caller(string key)
    {
        public string Key { get; } = key;
        public int Going { get; set; }
        public LinkedList<TaskCompletionSource<RateLimitLease>> Line { get; } = [];
        public LinkedListNode<Caller>? Turn { get; set; }
        public LinkedListNode<Caller>? RecentNode { get; set; }
        public long StoppedAt { get; set; }
        public bool Calling => Going > 0 || Line.Count > 0;
    }

    /// <summary>The places a key may hold now.</summary>
    private int Share()
    {
        var now = _clockMs();
        while (_recent.First is { } oldest && now - oldest.Value.StoppedAt >= (long)Recent.TotalMilliseconds)
        {
            _recent.RemoveFirst();
            oldest.Value.RecentNode = null;
            _callers.Remove(oldest.Value.Key);
        }
        return Math.Max(1, perKey / Math.Max(1, _calling + _recent.Count));
    }

    private Caller Enter(string key)
    {
        if (!_callers.TryGetValue(key, out var caller))
        {
            caller = new Caller(key);
            _callers[key] = caller;
        }
        if (caller.RecentNode is { } node)
        {
            _recent.Remove(node);
            caller.RecentNode = null;
        }
        if (!caller.Calling)
        {
            _calling++;
        }
        return caller;
    }

    /// <summary>After a change to <paramref name="caller"/>: a key with nothing going or waiting joins the recent ones.</summary>
    private void Settle(Caller caller)
    {
        if (caller.Calling || caller.RecentNode is not null)
        {
            return;
        }
        _calling--;
        caller.StoppedAt = _clockMs();
        caller.RecentNode = _recent.AddLast(caller);
    }

    protected override RateLimitLease AttemptAcquireCore(string key, int permitCount)
    {
        if (key.Length == 0 || permitCount == 0)
        {
            return Granted.Free;
        }
        lock (_lock)
        {
            var caller = Enter(key);
            if (caller.Line.Count == 0 && caller.Going < Share())
            {
                caller.Going++;
                return new Granted(this, key);
            }
            Settle(caller);
            return Refused.Instance;
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(string key, int permitCount, CancellationToken cancellationToken)
    {
        if (key.Length == 0 || permitCount == 0)
        {
            return ValueTask.FromResult<RateLimitLease>(Granted.Free);
        }
        TaskCompletionSource<RateLimitLease> waiting;
        lock (_lock)
        {
            Serve(); // a share grown since the last call ended (a key stopped calling) is handed out first
            var caller = Enter(key);
            if (caller.Line.Count == 0 && caller.Going < Share())
            {
                caller.Going++;
                return ValueTask.FromResult<RateLimitLease>(new Granted(this, key));
            }
            if (caller.Line.Count >= queuePerKey)
            {
                Settle(caller);
                return ValueTask.FromResult<RateLimitLease>(Refused.Instance);
            }
            waiting = new TaskCompletionSource<RateLimitLease>(TaskCreationOptions.RunContinuationsAsynchronously);
            var place = caller.Line.AddLast(waiting);
            caller.Turn ??= _turns.AddLast(caller);
            if (cancellationToken.CanBeCanceled)
            {
                var registration = cancellationToken.Register(() => LeaveLine(caller, place, cancellationToken));
                waiting.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
        return new ValueTask<RateLimitLease>(waiting.Task);
    }

    private void LeaveLine(Caller caller, LinkedListNode<TaskCompletionSource<RateLimitLease>> place, CancellationToken ct)
    {
        lock (_lock)
        {
            if (place.List is null)
            {
                return; // served meanwhile
            }
            caller.Line.Remove(place);
            if (caller.Line.Count == 0 && caller.Turn is { } turn)
            {
                _turns.Remove(turn);
                caller.Turn = null;
            }
            Settle(caller);
        }
        place.Value.TrySetCanceled(ct);
    }

    private void Release(string key)
    {
        lock (_lock)
        {
            var caller = _callers[key];
            caller.Going--;
            Serve();
            Settle(caller);
        }
    }

    /// <summary>Takes waiting calls in turn, one per key a round, while their keys are under their share.</summary>
    private void Serve()
    {
        var share = Share();
        var served = true;
        while (served)
        {
            served = false;
            for (var round = _turns.Count; round > 0 && _turns.First is { } turn; round--)
            {
                _turns.RemoveFirst();
                var caller = turn.Value;
                if (caller.Going < share)
                {
                    var waiting = caller.Line.First!.Value;
                    caller.Line.RemoveFirst();
                    caller.Going++;
                    waiting.TrySetResult(new Granted(this, caller.Key));
                    served = true;
                }
                caller.Turn = caller.Line.Count > 0 ? _turns.AddLast(caller) : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics(string key)
    {
        lock (_lock)
        {
            var share = Share();
            return _callers.TryGetValue(key, out var caller)
                ? new RateLimiterStatistics { CurrentAvailablePermits = Math.Max(0, share - caller.Going), CurrentQueuedCount = caller.Line.Count }
                : new RateLimiterStatistics { CurrentAvailablePermits = share };
        }
    }

    protected override void Dispose(bool disposing)
    {
        lock (_lock)
        {
            foreach (var waiting in _callers.Values.SelectMany(c => c.Line))
            {
                waiting.TrySetResult(Refused.Instance);
            }
            _callers.Clear();
            _turns.Clear();
            _recent.Clear();
        }
    }

    private sealed class Granted(FairShareLimiter? owner, string key) : RateLimitLease
    {
        public static readonly Granted Free = new(null, "");
        private int _released;

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (owner is not null && Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Release(key);
            }
        }
    }

    private sealed class Refused : RateLimitLease
    {
        public static readonly Refused Instance = new();

        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
