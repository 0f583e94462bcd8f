namespace Planning.Server.Common;

/// <summary>One problem with a request, named by field path, e.g. "schools[12].level".</summary>
public sealed record FieldProblem(string Field, string Description);

/// <summary>The request is invalid; the problems found are listed (the first <see cref="Problems.MaxKept"/>) and all are counted.</summary>
public sealed class ValidationFailedException(IReadOnlyList<FieldProblem> problems, int total)
    : Exception($"{total} invalid field(s): " + string.Join("; ", problems.Take(3).Select(p => $"{p.Field}: {p.Description}")))
{
    public ValidationFailedException(IReadOnlyList<FieldProblem> problems) : this(problems, problems.Count)
    {
    }

    public IReadOnlyList<FieldProblem> Problems { get; } = problems;

    /// <summary>How many problems were found, listed or not.</summary>
    public int Total { get; } = Math.Max(total, problems.Count);
}

/// <summary>An id or code that does not exist.</summary>
public sealed class NotFoundException(string what) : Exception($"{what} not found");

/// <summary>A stale version: someone else changed the row since it was read.</summary>
public sealed class VersionConflictException(string what)
    : Exception($"{what} was changed by someone else since it was read; read it again and retry");

/// <summary>The operation is not allowed in the current state (e.g. deleting a school that areas still use).</summary>
public sealed class PreconditionFailedException(string message) : Exception(message);

/// <summary>The caller's role allows the method, but not on this row (a planner acting on another key's run).</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>Something the call needs is away for now (a run that ended because the database went away); retry later.</summary>
public sealed class UnavailableException(string message) : Exception(message);

/// <summary>What the call waited for was cancelled (a run cancelled while its RunSimulation call followed it).</summary>
public sealed class CancelledException(string message) : Exception(message);

/// <summary>A request over a server limit.</summary>
public sealed class LimitExceededException(string message) : Exception(message);

/// <summary>
/// Collects field problems and throws them all at once. It keeps the first <see cref="MaxKept"/> and
/// counts the rest, so that a hostile upload (a million malformed features) costs no memory per problem.
/// </summary>
public sealed class Problems
{
    /// <summary>Problems kept to be listed; more are only counted. A client is shown fewer still (ErrorStatus).</summary>
    public const int MaxKept = 1000;

    private readonly List<FieldProblem> _list = [];

    /// <summary>Every problem found, kept or only counted.</summary>
    public int Count { get; private set; }

    /// <summary>The problems kept (the first <see cref="MaxKept"/>).</summary>
    public IReadOnlyList<FieldProblem> All => _list;

    public void Add(string field, string description)
    {
        Count++;
        if (_list.Count < MaxKept)
        {
            _list.Add(new FieldProblem(field, description));
        }
    }

    /// <summary>Adds every problem of <paramref name="inner"/> (kept and counted), each field renamed by <paramref name="rename"/>.</summary>
    public void AddAll(Problems inner, Func<string, string> rename)
    {
        foreach (var p in inner.All)
        {
            Add(rename(p.Field), p.Description);
        }
        Count += inner.Count - inner.All.Count;
    }

    public void ThrowIfAny()
    {
        if (Count > 0)
        {
            throw new ValidationFailedException(_list, Count);
        }
    }
}
