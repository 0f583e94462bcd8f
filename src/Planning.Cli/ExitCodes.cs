using Grpc.Core;

namespace Planning.Cli;

/// <summary>The command line's exit codes (also listed in `planning --help` and docs/cli.md).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>A local failure: a file that cannot be written, no CJK font for the map, an unsafe credentials file.</summary>
    public const int LocalFailure = 1;
    /// <summary>Bad usage: unknown command or option, bad value, missing file.</summary>
    public const int BadUsage = 2;
    /// <summary>The server does not know the school, area, scenario or run.</summary>
    public const int NotFound = 3;
    /// <summary>The server rejected the input: invalid argument, conflict, stale version, duplicate, limit.</summary>
    public const int Rejected = 4;
    /// <summary>The server is unavailable, does not implement the call yet, or failed.</summary>
    public const int ServerError = 5;
    /// <summary>Not allowed: no API key, an unknown or revoked key, or a role too low (UNAUTHENTICATED / PERMISSION_DENIED).</summary>
    public const int NotAllowed = 6;
    /// <summary>Cancelled with Ctrl+C.</summary>
    public const int Cancelled = 130;

    public const string HelpText = """
        Exit codes:
          0    ok
          1    local failure (file cannot be written, no CJK font, credentials file open to others)
          2    bad usage (unknown command or option, bad value, missing file)
          3    not found (unknown school, area, scenario or run)
          4    rejected by the server (invalid argument, conflict, stale version, duplicate)
          5    server unavailable, not implemented yet, or other server error
          6    not allowed (no API key, unknown or revoked key, role too low)
          130  cancelled (Ctrl+C)
        """;

    public static int FromStatus(StatusCode status) => status switch
    {
        StatusCode.NotFound => NotFound,
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.Aborted or StatusCode.AlreadyExists
            or StatusCode.OutOfRange or StatusCode.ResourceExhausted => Rejected,
        StatusCode.Unauthenticated or StatusCode.PermissionDenied => NotAllowed,
        _ => ServerError,
    };
}
