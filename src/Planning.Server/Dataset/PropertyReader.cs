using Planning.Engine.Rules;
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

    public string Code(string field = "code") => String(field) is { } text ? FieldRules.Code(text, $"{path}.{field}", problems) : "";

    public string Text(string field) => String(field) is { } text ? FieldRules.Name(text, $"{path}.{field}", problems) : "";

    /// <summary>A string property ("" when missing: the rules then say it is required), or null when a problem was recorded.</summary>
    private string? String(string field)
    {
        if (Get(field) is not { } value)
        {
            return "";
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            Problem(field, $"must be a string, not {Describe(value)}");
            return null;
        }
        if (StringOf(value) is not { } text)
        {
            Problem(field, NotText);
            return null;
        }
        return text;
    }

    /// <summary>What a JSON string that is not text is told.</summary>
    public const string NotText = "is not valid Unicode text: it holds a lone UTF-16 surrogate escape such as \\ud800, which has no UTF-8 form";

    /// <summary>The text of a JSON string, or null for one System.Text.Json cannot read as text (an escaped lone surrogate, "\\ud800").</summary>
    public static string? StringOf(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
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
        if (String(field) is not { } text)
        {
            return default; // not a string: String recorded why
        }
        if (Get(field) is null)
        {
            Problem(field, "is required");
        }
        else if (!names.ContainsKey(text))
        {
            Problem(field, $"must be one of {string.Join(", ", names.Keys)}, not \"{Shorten(text)}\"");
        }
        return names.GetValueOrDefault(text);
    }

    public T EnumAt<T>(JsonElement owner, string field, string fieldPath, IReadOnlyDictionary<string, T> names)
        where T : struct
    {
        var text = owner.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
            ? StringOf(value) ?? ""
            : "";
        if (!names.TryGetValue(text, out var result))
        {
            problems.Add($"{fieldPath}.{field}", $"must be one of {string.Join(", ", names.Keys)}");
        }
        return result;
    }

    /// <summary>A whole number from 0 to <paramref name="max"/> (FieldRules.Count).</summary>
    public long Count(string field, long max = long.MaxValue)
    {
        if (Get(field) is not { } value)
        {
            Problem(field, "is required");
            return 0;
        }
        if (WholeNumber(value) is not { } n)
        {
            Problem(field, $"must be a whole number, not {Describe(value)}");
            return 0;
        }
        FieldRules.Count(n, max, $"{path}.{field}", problems);
        return n;
    }

    public int SmallCount(string field) => (int)Math.Clamp(Count(field, int.MaxValue), 0, int.MaxValue);

    /// <summary>A resource amount of <paramref name="indicator"/>: a number from 0 to its maximum (<see cref="ResourceLimits"/>).</summary>
    public double Amount(JsonElement owner, Indicator indicator, string fieldPath)
    {
        var field = ResourceLimits.FieldName(indicator);
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
        if (ResourceLimits.Problem(indicator, x) is { } problem)
        {
            problems.Add($"{fieldPath}.{field}", problem);
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
        var text = value.ValueKind == JsonValueKind.String ? StringOf(value) ?? "" : "";
        if (!Engine.Terms.Term.TryParseExact(text, out _))
        {
            problems.Add($"{fieldPath}.{field}", Checks.BadTerm(value.ValueKind == JsonValueKind.String ? text : Describe(value)));
        }
        return text;
    }

    public string? OptionalTerm(string field) =>
        Get(field) is null ? null : Term(properties, field, path);

    /// <summary>Nine whole numbers, grade 1 first, each passing <paramref name="rule"/>; null when absent and optional.</summary>
    public int[]? Grades(string field, bool required, Action<long, string, Problems> rule)
    {
        if (Get(field) is not { } value)
        {
            if (required)
            {
                Problem(field, "is required");
            }
            return required ? new int[9] : null;
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            Problem(field, $"must be an array of 9 whole numbers (grades 1–9), not {Describe(value)}");
            return new int[9];
        }
        if (!FieldRules.GradeCount(value.GetArrayLength(), optional: false, $"{path}.{field}", problems))
        {
            return new int[9];
        }
        var grades = new int[9];
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (WholeNumber(item) is not { } n)
            {
                Problem($"{field}[{i}]", $"must be a whole number, not {Describe(item)}");
            }
            else
            {
                rule(n, $"{path}.{field}[{i}]", problems);
                grades[i] = (int)Math.Clamp(n, 0, int.MaxValue);
            }
            i++;
        }
        return grades;
    }

    /// <summary>An occupancy ramp (FieldRules.Ramp); null when absent.</summary>
    public double[]? Fractions(string field)
    {
        if (Get(field) is not { } value)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            Problem(field, $"must be an array of fractions in [0, 1], not {Describe(value)}");
            return null;
        }
        var list = new List<double>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetDouble(out var x))
            {
                Problem($"{field}[{list.Count}]", $"must be a fraction in [0, 1], not {Describe(item)}");
                x = 0;
            }
            list.Add(x);
            if (list.Count > FieldRules.MaxRampTerms)
            {
                break; // the rule below says how many may come; the rest need not be read
            }
        }
        FieldRules.Ramp(list, $"{path}.{field}", problems);
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
        if (!owner.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            problems.Add($"{fieldPath}.{field}", "is required");
            return 0;
        }
        if (WholeNumber(value) is not { } n)
        {
            problems.Add($"{fieldPath}.{field}", $"must be a whole number of tracks, not {Describe(value)}");
            return 0;
        }
        FieldRules.Tracks(n, $"{fieldPath}.{field}", problems);
        return (int)Math.Clamp(n, 0, FieldRules.MaxTracks);
    }

    private static long? WholeNumber(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : null;

    /// <summary>A JSON value as a problem names it, shortened.</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => StringOf(value) is { } text ? $"\"{Shorten(text)}\"" : "a string that is not valid text",
        JsonValueKind.Number => Shorten(value.GetRawText()),
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => "null",
    };

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
