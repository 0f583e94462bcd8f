using System.Text.Json;

namespace Planning.Client.Api;

/// <summary>A key stored for one server by `planning login`.</summary>
/// <param name="Key">The secret, "pln_…".</param>
/// <param name="Name">The key's name, as the server reported it at sign-in.</param>
/// <param name="Role">Its role at sign-in ("viewer", "planner" or "admin"); the server's word is what counts.</param>
public sealed record StoredCredential(string Key, string Name, string Role);

/// <summary>The credentials file cannot be used: open to other users, or not a credentials file.</summary>
public sealed class CredentialsFileException(string message, Exception? inner = null) : IOException(message, inner);

/// <summary>
/// The credentials file: a JSON object from normalised server address ("http://127.0.0.1:5081") to a
/// <see cref="StoredCredential"/>. Written whole to a temporary file (mode 0600) that then replaces it,
/// in a folder made 0700 when missing. Like ssh with a private key, it refuses to read a file that
/// group or others may access at all: the keys in it act for their owner.
/// </summary>
public sealed class CredentialStore(string path)
{
    /// <summary>Environment variable naming the file, instead of the default.</summary>
    public const string PathVariable = "PLANNING_CREDENTIALS";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OpenToOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>PLANNING_CREDENTIALS, else $XDG_CONFIG_HOME/planning/credentials.json, else ~/.config/planning/credentials.json.</summary>
    public static string DefaultPath(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (environment(PathVariable) is { Length: > 0 } explicitPath)
        {
            return explicitPath;
        }
        var config = environment("XDG_CONFIG_HOME") is { Length: > 0 } xdg && System.IO.Path.IsPathRooted(xdg) ? xdg
            : environment("HOME") is { Length: > 0 } home ? System.IO.Path.Combine(home, ".config")
            : Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData);
        return System.IO.Path.Combine(config, "planning", "credentials.json");
    }

    /// <summary>"HTTP://Host:5081/" → "http://host:5081": lower-case scheme and host, no trailing slash.</summary>
    public static string NormaliseAddress(string address) =>
        Uri.TryCreate(address.Trim(), UriKind.Absolute, out var uri)
            ? uri.GetLeftPart(UriPartial.Path).TrimEnd('/')
            : address.Trim().TrimEnd('/');

    /// <summary>The key stored for <paramref name="address"/>, or null (also when there is no file).</summary>
    public StoredCredential? Find(string address) => Read().GetValueOrDefault(NormaliseAddress(address));

    /// <summary>Stores (or replaces) the key for <paramref name="address"/>, keeping the other servers' keys.</summary>
    public void Save(string address, StoredCredential credential)
    {
        var all = Read();
        all[NormaliseAddress(address)] = credential;
        Write(all);
    }

    /// <summary>
    /// Forgets the key for <paramref name="address"/>; false when none was stored. Works on a file open to
    /// others too (forgetting reveals nothing), and leaves it owner-only.
    /// </summary>
    public bool Remove(string address)
    {
        var all = Read(checkMode: false);
        if (!all.Remove(NormaliseAddress(address)))
        {
            return false;
        }
        Write(all);
        return true;
    }

    private SortedDictionary<string, StoredCredential> Read(bool checkMode = true)
    {
        if (!File.Exists(Path))
        {
            return new(StringComparer.Ordinal);
        }
        if (checkMode && !OperatingSystem.IsWindows() && File.GetUnixFileMode(Path) is var mode && (mode & OpenToOthers) != 0)
        {
            throw new CredentialsFileException(
                $"{Path} holds API keys but other users may access it (mode {Octal(mode)}); "
                + $"it is not read until only you can: chmod 600 {Path}");
        }
        try
        {
            var read = JsonSerializer.Deserialize<Dictionary<string, StoredCredential>>(File.ReadAllText(Path), Json) ?? [];
            return new(read.Where(e => e.Value?.Key is { Length: > 0 }).ToDictionary(), StringComparer.Ordinal);
        }
        catch (JsonException e)
        {
            throw new CredentialsFileException($"{Path} is not a credentials file ({e.Message}); fix or delete it", e);
        }
    }

    private void Write(SortedDictionary<string, StoredCredential> all)
    {
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        if (!Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
        var temporary = $"{Path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }
        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                JsonSerializer.Serialize(stream, all, Json);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, Path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');
}
