using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Planning.Server.Common;

/// <summary>
/// Error statuses every client can read. Trailers travel in HTTP/2 headers, which clients cap
/// (grpc-java at 8 KiB of metadata by default; our CLI once failed with an HPACK error on a 76 KB
/// trailer): a status message is clipped, and a BadRequest lists the first problems that fit in
/// <see cref="MaxDetailBytes"/> and then one entry with the count of the rest. docs/security.md.
/// </summary>
public static class ErrorStatus
{
    /// <summary>Most field violations listed, however small.</summary>
    public const int MaxListed = 50;

    /// <summary>Largest encoded BadRequest (sent base64, about 4 KiB in the grpc-status-details-bin trailer).</summary>
    public const int MaxDetailBytes = 3 * 1024;

    /// <summary>Longest status message, in characters (percent-encoded in grpc-message: up to 9 bytes each).</summary>
    public const int MaxMessageChars = 200;

    private const int MaxFieldChars = 200;
    private const int MaxDescriptionChars = 300;

    /// <summary>INVALID_ARGUMENT naming the fields; <paramref name="total"/> counts problems found beyond those given.</summary>
    public static RpcException InvalidArgument(IReadOnlyList<FieldProblem> problems, int total)
    {
        total = Math.Max(total, problems.Count);
        var badRequest = new BadRequest();
        foreach (var p in problems.Take(MaxListed))
        {
            var violation = new BadRequest.Types.FieldViolation { Field = Clip(p.Field, MaxFieldChars), Description = Clip(p.Description, MaxDescriptionChars) };
            if (badRequest.CalculateSize() + violation.CalculateSize() + 8 > MaxDetailBytes)
            {
                break;
            }
            badRequest.FieldViolations.Add(violation);
        }
        var listed = badRequest.FieldViolations.Count;
        if (listed < total)
        {
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation
            {
                Field = "",
                Description = string.Create(CultureInfo.InvariantCulture,
                    $"{total - listed:N0} more problem(s) not listed, {total:N0} in all; fix these and send again to see the rest"),
            });
        }
        var first = badRequest.FieldViolations[0];
        return new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = Clip(string.Create(CultureInfo.InvariantCulture, $"{total:N0} invalid field(s); first {first.Field}: {first.Description}"), MaxMessageChars),
            Details = { Any.Pack(badRequest) },
        }.ToRpcException();
    }

    /// <summary>A status with its message clipped to <see cref="MaxMessageChars"/>.</summary>
    public static RpcException Of(StatusCode code, string message) =>
        new(new Grpc.Core.Status(code, Clip(message, MaxMessageChars)));

    /// <summary>
    /// Text cut to <paramref name="max"/> characters, never inside a surrogate pair, with any lone
    /// surrogate (a caller's "\ud800" echoed back) replaced by U+FFFD: it has no UTF-8 form.
    /// </summary>
    public static string Clip(string text, int max)
    {
        if (text.Length > max)
        {
            var cut = max - 1;
            text = text[..(char.IsHighSurrogate(text[cut - 1]) ? cut - 1 : cut)] + "…";
        }
        return Checks.IsWellFormed(text) ? text : string.Concat(text.EnumerateRunes().Select(r => r.ToString()));
    }
}
