using Grpc.Core;

namespace Planning.Server.Common;

/// <summary>
/// A refusal written before any gRPC handler runs (authentication, authorization, rate limits), as gRPC
/// answers one: HTTP 200 with grpc-status and grpc-message in the headers (a trailers-only response),
/// never a bare HTTP 401, 403 or 429 that a gRPC client reports as a transport error.
/// </summary>
public static class TrailersOnly
{
    public static bool IsGrpc(HttpContext context) =>
        (context.Request.ContentType ?? "").StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase);

    public static void Write(HttpContext context, StatusCode status, string message)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = context.Request.ContentType;
        context.Response.Headers["grpc-status"] = ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = Uri.EscapeDataString(ErrorStatus.Clip(message, ErrorStatus.MaxMessageChars));
    }
}
