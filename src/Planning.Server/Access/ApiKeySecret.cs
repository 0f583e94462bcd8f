using System.Buffers;
using System.Security.Cryptography;

namespace Planning.Server.Access;

/// <summary>
/// API key secrets: "pln_" and 43 base64url characters (256 random bits). Only the SHA-256 of a
/// secret is stored; with that much entropy a slow password hash would add nothing.
/// </summary>
public static class ApiKeySecret
{
    public const string Scheme = "pln_";
    public const int PrefixLength = 12;
    public const int Length = 47;

    public static (string Secret, string Prefix, byte[] Hash) Generate()
    {
        var secret = Scheme + Base64Url(RandomNumberGenerator.GetBytes(32));
        return (secret, secret[..PrefixLength], Hash(secret));
    }

    public static byte[] Hash(string secret) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret));

    /// <summary>True when the text has the shape of a secret (checked before any database lookup).</summary>
    public static bool LooksValid(string secret) =>
        secret.Length == Length && secret.StartsWith(Scheme, StringComparison.Ordinal)
        && secret.AsSpan(Scheme.Length).IndexOfAnyExcept(Base64UrlAlphabet) < 0;

    private static readonly SearchValues<char> Base64UrlAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
