namespace Planning.Server.Common;

/// <summary>One problem with a request, named by field path, e.g. "schools[12].level".</summary>
public sealed record FieldProblem(string Field, string Description);

/// <summary>The request is invalid; every problem found is listed.</summary>
public sealed class ValidationFailedException(IReadOnlyList<FieldProblem> problems)
    : Exception($"{problems.Count} invalid field(s): " + string.Join("; ", problems.Take(5).Select(p => $"{p.Field}: {p.Description}")))
{
    public IReadOnlyList<FieldProblem> Problems { get; } = problems;
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

/// <summary>Collects field problems and throws them all at once.</summary>
public sealed class Problems
{
    private readonly List<FieldProblem> _list = [];

    public int Count => _list.Count;

    public IReadOnlyList<FieldProblem> All => _list;

    public void Add(string field, string description) => _list.Add(new FieldProblem(field, description));

    public void ThrowIfAny()
    {
        if (_list.Count > 0)
        {
            throw new ValidationFailedException(_list);
        }
    }
}
