using System.Text.Json;
using Planning.Server.Common;

namespace Planning.Server.Dataset;

/// <summary>
/// Reads the properties of one feature, recording every problem under
/// "&lt;layer&gt;[&lt;index&gt;].&lt;field&gt;" instead of stopping at the first.
/// </summary>
public sealed class PropertyReader(JsonElement properties, string path, Problems problems)
{
    public string Path => path;

    public void Problem(string field, string description) => problems.Add($"{path}.{field}", description);

    private JsonElement? Get(string field) =>
        properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(field, out var value)
            && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public string Code(string field = "code") => Text(field, Checks.MaxCodeLength);

    public string Text(string field, int maxLength = Checks.MaxTextLength)
    {
        if (Get(field) is not { } value)
        {
            Problem(field, "is required");
            return "";
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            Problem(field, $"must be a string, not {Describe(value)}");
            return "";
        }
        var text = value.GetString()!.Trim();
        if (text.Any(char.IsControl))
        {
            Problem(field, "must not contain control characters");
        }
        else if (text.Length == 0)
        {
            Problem(field, "must not be empty");
        }
        else if (text.Length > maxLength)
        {
            Problem(field, $"must be at most {maxLength} characters, not {text.Length}");
        }
        return text;
    }

    public string? OptionalCode(string field)
    {
        if (Get(field) is null)
        {
            return null;
        }
        var text = Code(field);
        return text.Length == 0 ? null : text;
    }

    public T Enum<T>(string field, IReadOnlyDictionary<string, T> names) where T : struct
    {
        var text = Text(field, 32);
        if (text.Length > 0 && !names.ContainsKey(text))
        {
            Problem(field, $"must be one of {string.Join(", ", names.Keys)}, not \"{text}\"");
        }
        return names.GetValueOrDefault(text);
    }

    public T EnumAt<T>(JsonElement owner, string field, string fieldPath, IReadOnlyDictionary<string, T> names)
        where T : struct
    {
        var text = owner.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : "";
        if (!names.TryGetValue(text, out var result))
        {
            problems.Add($"{fieldPath}.{field}", $"must be one of {string.Join(", ", names.Keys)}");
        }
        return result;
    }

    public long Count(string field)
    {
        if (Get(field) is not { } value)
        {
            Problem(field, "is required");
            return 0;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var n))
        {
            Problem(field, $"must be a whole number, not {Describe(value)}");
            return 0;
        }
        if (n < 0)
        {
            Problem(field, $"must not be negative ({n})");
        }
        return n;
    }

    public int SmallCount(string field)
    {
        var n = Count(field);
        if (n > int.MaxValue)
        {
            Problem(field, "is too large");
            return 0;
        }
        return (int)n;
    }

    public double Amount(JsonElement owner, string field, string fieldPath)
    {
        if (!owner.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            problems.Add($"{fieldPath}.{field}", "is required");
            return 0;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var x) || !double.IsFinite(x))
        {
            problems.Add($"{fieldPath}.{field}", $"must be a finite number, not {Describe(value)}");
            return 0;
        }
        if (x < 0)
        {
            problems.Add($"{fieldPath}.{field}", $"must not be negative ({x})");
        }
        return x;
    }

    public bool Flag(string field)
    {
        if (Get(field) is not { } value)
        {
            Problem(field, "is required");
            return false;
        }
        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Problem(field, $"must be true or false, not {Describe(value)}");
            return false;
        }
        return value.GetBoolean();
    }

    /// <summary>A true or false that may be left out (then false).</summary>
    public bool OptionalFlag(string field) => Get(field) is not null && Flag(field);

    /// <summary>An optional array of at most <paramref name="maxCount"/> non-empty strings of at most <paramref name="maxLength"/> characters.</summary>
    public IReadOnlyList<string> Texts(string field, int maxCount, int maxLength)
    {
        if (Get(field) is not { } value)
        {
            return [];
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            Problem(field, $"must be an array of strings, not {Describe(value)}");
            return [];
        }
        if (value.GetArrayLength() > maxCount)
        {
            Problem(field, $"must have at most {maxCount} entries, not {value.GetArrayLength()}");
            return [];
        }
        var texts = new List<string>();
        foreach (var (item, i) in value.EnumerateArray().Select((item, i) => (item, i)))
        {
            var text = item.ValueKind == JsonValueKind.String ? item.GetString()!.Trim() : null;
            if (text is null || text.Length == 0 || text.Length > maxLength || text.Any(char.IsControl))
            {
                Problem($"{field}[{i}]", $"must be a non-empty string of at most {maxLength} characters without control characters");
                continue;
            }
            texts.Add(text);
        }
        return texts;
    }

    public string Term(JsonElement owner, string field, string fieldPath)
    {
        if (!owner.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            problems.Add($"{fieldPath}.{field}", "is required");
            return "";
        }
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
        if (!Engine.Terms.Term.TryParseExact(text, out _))
        {
            problems.Add($"{fieldPath}.{field}", Checks.BadTerm(value.ValueKind == JsonValueKind.String ? text : Describe(value)));
        }
        return text;
    }

    public string? OptionalTerm(string field) =>
        Get(field) is null ? null : Term(properties, field, path);

    /// <summary>Nine whole numbers ≥ 0, grade 1 first; null when absent and optional.</summary>
    public int[]? Grades(string field, bool required)
    {
        if (Get(field) is not { } value)
        {
            if (required)
            {
                Problem(field, "is required");
            }
            return required ? new int[9] : null;
        }
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != 9)
        {
            Problem(field, "must be an array of 9 whole numbers (grades 1–9)");
            return new int[9];
        }
        var grades = new int[9];
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out grades[i]))
            {
                Problem($"{field}[{i}]", $"must be a whole number, not {Describe(item)}");
            }
            else if (grades[i] < 0)
            {
                Problem($"{field}[{i}]", $"must not be negative ({grades[i]})");
            }
            i++;
        }
        return grades;
    }

    public double[]? Fractions(string field)
    {
        if (Get(field) is not { } value)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() is 0 or > 50)
        {
            Problem(field, "must be an array of 1–50 fractions in [0, 1]");
            return null;
        }
        var list = new List<double>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetDouble(out var x) || x is < 0 or > 1 || !double.IsFinite(x))
            {
                Problem($"{field}[{list.Count}]", $"must be a fraction in [0, 1], not {Describe(item)}");
                x = 0;
            }
            list.Add(x);
        }
        return [.. list];
    }

    /// <summary>The objects of an array property; a problem when it is missing or not an array.</summary>
    public IEnumerable<(JsonElement Item, string Path)> Objects(string field, int minCount)
    {
        if (Get(field) is not { ValueKind: JsonValueKind.Array } value)
        {
            Problem(field, "must be an array of objects");
            yield break;
        }
        if (value.GetArrayLength() < minCount)
        {
            Problem(field, $"must have at least {minCount} entr{(minCount == 1 ? "y" : "ies")}");
        }
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = $"{path}.{field}[{i++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add(itemPath, $"must be an object, not {Describe(item)}");
                continue;
            }
            yield return (item, itemPath);
        }
    }

    public int Tracks(JsonElement owner, string field, string fieldPath)
    {
        if (!owner.TryGetProperty(field, out var value) || value.ValueKind != JsonValueKind.Number
            || !value.TryGetInt32(out var n) || n is < 0 or > 40)
        {
            problems.Add($"{fieldPath}.{field}", "must be a whole number of tracks from 0 to 40");
            return 0;
        }
        return n;
    }

    /// <summary>A term in its canonical form, e.g. "2020-autumn", in a plausible range of years.</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"\"{Shorten(value.GetString()!)}\"",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => "null",
    };

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
