using Grpc.Core.Interceptors;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Planning.Server.Common;

/// <summary>Maps domain and database exceptions to precise gRPC status codes, in one place.</summary>
public sealed partial class ErrorInterceptor(ILogger<ErrorInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Map(e, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Map(e, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Map(e, context);
        }
    }

    private RpcException Map(Exception e, ServerCallContext context)
    {
        if (e is Planning.Engine.Inputs.InvalidInputException invalid)
        {
            e = new ValidationFailedException([.. invalid.Problems.Select(p => new FieldProblem(p.Field, p.Description))]);
        }
        switch (e)
        {
            case ValidationFailedException v:
                return ErrorStatus.InvalidArgument(v.Problems, v.Total);
            case NotFoundException:
                return ErrorStatus.Of(StatusCode.NotFound, e.Message);
            case VersionConflictException:
                return ErrorStatus.Of(StatusCode.Aborted, e.Message);
            case DbUpdateConcurrencyException:
                return ErrorStatus.Of(StatusCode.Aborted,
                    "the row was changed by someone else since it was read; read it again and retry");
            case PreconditionFailedException:
                return ErrorStatus.Of(StatusCode.FailedPrecondition, e.Message);
            case LimitExceededException:
                return ErrorStatus.Of(StatusCode.ResourceExhausted, e.Message);
            case ForbiddenException:
                return ErrorStatus.Of(StatusCode.PermissionDenied, e.Message);
            case UnavailableException:
                return ErrorStatus.Of(StatusCode.Unavailable, e.Message);
            case CancelledException:
                return ErrorStatus.Of(StatusCode.Cancelled, e.Message);
            case Orleans.Runtime.OrleansException:
                LogClusterUnavailable(logger, e, context.Method);
                return ErrorStatus.Of(StatusCode.Unavailable, ClusterUnavailableMessage);
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return ErrorStatus.Of(StatusCode.Cancelled, "the call was cancelled");
        }

        if (FindPostgresError(e) is { } pg)
        {
            switch (pg.SqlState)
            {
                case PostgresErrorCodes.UniqueViolation:
                    return ErrorStatus.Of(StatusCode.AlreadyExists, $"a row with the same key already exists ({pg.ConstraintName})");
                case PostgresErrorCodes.ForeignKeyViolation:
                    return ErrorStatus.Of(StatusCode.FailedPrecondition, $"other rows still refer to it ({pg.ConstraintName})");
                case PostgresErrorCodes.CheckViolation:
                    return ErrorStatus.Of(StatusCode.InvalidArgument, $"a value breaks the rule {pg.ConstraintName}");
                case PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected:
                    return ErrorStatus.Of(StatusCode.Aborted,
                        "the change collided with another one made at the same time; read again and retry");
            }
        }

        if (IsDatabaseUnavailable(e))
        {
            LogDatabaseUnavailable(logger, e, context.Method);
            return ErrorStatus.Of(StatusCode.Unavailable, DatabaseUnavailableMessage);
        }

        LogUnexpected(logger, e, context.Method);
        return ErrorStatus.Of(StatusCode.Internal, "internal error; the server log has the details");
    }

    /// <summary>What a caller is told when another node of the cluster could not be reached in time.</summary>
    public const string ClusterUnavailableMessage = "a node of the cluster could not be reached (it may be stopping); retry in a few seconds";

    /// <summary>What a caller is told, whichever step found the database away.</summary>
    public const string DatabaseUnavailableMessage = "the database is unavailable; retry later";

    /// <summary>True when the database cannot be reached (down, restarting, timed out), as opposed to refusing a statement.</summary>
    public static bool IsDatabaseUnavailable(Exception e) =>
        (FindNpgsqlError(e) is { IsTransient: true } && !IsCollision(FindPostgresError(e))) || e is TimeoutException;

    /// <summary>What the database driver said, under EF's "likely due to a transient failure" wrapper.</summary>
    public static string DatabaseReason(Exception e) => FindNpgsqlError(e)?.Message ?? e.Message;

    /// <summary>A serialization failure or deadlock: Npgsql calls them transient, but the database is there.</summary>
    private static bool IsCollision(PostgresException? pg) =>
        pg?.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected;

    // However deep the drivers wrap it (EF's DbUpdateException around Npgsql's around PostgreSQL's, say).
    private static PostgresException? FindPostgresError(Exception e) => Causes(e).OfType<PostgresException>().FirstOrDefault();

    private static NpgsqlException? FindNpgsqlError(Exception e) => Causes(e).OfType<NpgsqlException>().FirstOrDefault();

    private static IEnumerable<Exception> Causes(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable in {Method}")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception e, string method);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method}: a node of the cluster could not be reached")]
    private static partial void LogClusterUnavailable(ILogger logger, Exception e, string method);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error in {Method}")]
    private static partial void LogUnexpected(ILogger logger, Exception e, string method);
}
