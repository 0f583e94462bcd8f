using System.Runtime.CompilerServices;
using Google.Protobuf;

namespace Planning.Server.Common;

/// <summary>
/// Responses kept with their encoding (a cache's), sent as those bytes instead of being encoded
/// again on every call (Hosting.CheckedServiceMethods). Such a response is shared by every call that
/// gets it and must never be changed.
/// </summary>
public static class EncodedResponses
{
    private static readonly ConditionalWeakTable<object, byte[]> Encodings = [];

    /// <summary>Encodes <paramref name="message"/> once; from now on it is sent as these bytes.</summary>
    public static T Encoded<T>(T message) where T : class, IMessage
    {
        Encodings.AddOrUpdate(message, message.ToByteArray());
        return message;
    }

    public static byte[]? Find(object message) => Encodings.TryGetValue(message, out var bytes) ? bytes : null;
}
