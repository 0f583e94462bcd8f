using Grpc.Core;

namespace Planning.Client.Api;

/// <summary>One problem the server found in the input (google.rpc.BadRequest.FieldViolation).</summary>
/// <param name="Field">Where, e.g. "schools[3].geometry".</param>
public sealed record FieldViolation(string Field, string Description);

/// <summary>A call the server refused or could not serve; carries the status and every field violation.</summary>
public sealed class PlanningException : Exception
{
    public PlanningException(StatusCode status, string detail, IReadOnlyList<FieldViolation> violations, Exception? inner = null)
        : base($"{status}: {detail}", inner)
    {
        Status = status;
        Detail = detail;
        Violations = violations;
    }

    public StatusCode Status { get; }

    /// <summary>The server's message.</summary>
    public string Detail { get; }

    /// <summary>Every field violation of an INVALID_ARGUMENT error; empty otherwise.</summary>
    public IReadOnlyList<FieldViolation> Violations { get; }

    public static PlanningException From(RpcException e)
    {
        var violations = e.GetRpcStatus()?.GetDetail<Google.Rpc.BadRequest>()?.FieldViolations
            .Select(v => new FieldViolation(v.Field, v.Description)).ToList() ?? [];
        return new PlanningException(e.StatusCode, e.Status.Detail, violations, e);
    }
}
