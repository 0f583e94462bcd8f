using System.CommandLine;
using Planning.Client.Api;

namespace Planning.Cli;

/// <summary>Options and arguments whose values come from a fixed list or need parsing.</summary>
internal static class OptionFactory
{
    /// <summary>An option taking one of the words of <paramref name="values"/>; absent means null.</summary>
    public static Option<T?> Choice<T>(string name, string description, IReadOnlyDictionary<string, T> values)
        where T : struct
    {
        var option = new Option<T?>(name)
        {
            Description = description,
            HelpName = string.Join('|', values.Keys),
            CustomParser = result => ParseChoice(result.Tokens[^1].Value, name, values, result.AddError),
        };
        option.CompletionSources.Add(values.Keys.ToArray());
        return option;
    }

    /// <summary>An argument taking one of the words of <paramref name="values"/>.</summary>
    public static Argument<T> ChoiceArgument<T>(string name, string description, IReadOnlyDictionary<string, T> values)
        where T : struct
    {
        var argument = new Argument<T>(name)
        {
            Description = $"{description} ({string.Join('|', values.Keys)})",
            HelpName = name,
            CustomParser = result => ParseChoice(result.Tokens[^1].Value, name, values, result.AddError) ?? default,
        };
        argument.CompletionSources.Clear(); // not the enum's member names
        argument.CompletionSources.Add(values.Keys.ToArray());
        return argument;
    }

    private static T? ParseChoice<T>(string token, string name, IReadOnlyDictionary<string, T> values, Action<string> error)
        where T : struct
    {
        if (values.TryGetValue(token.ToLowerInvariant(), out var value))
        {
            return value;
        }
        error($"'{token}' is not a valid {name.TrimStart('-')}: use one of {string.Join(", ", values.Keys)}");
        return null;
    }

    /// <summary>--bbox minLon,minLat,maxLon,maxLat.</summary>
    public static Option<BoundingBox?> Bbox(string description = "Only features intersecting this box (WGS84 degrees)") => new("--bbox")
    {
        Description = description,
        HelpName = "minLon,minLat,maxLon,maxLat",
        CustomParser = result =>
        {
            var box = BoundingBox.TryParse(result.Tokens[^1].Value, out var error);
            if (error is not null)
            {
                result.AddError($"--bbox: {error}");
            }
            return box;
        },
    };

    /// <summary>A term such as 2021-autumn.</summary>
    public static Option<string?> Term(string name = "--term", string description = "Term, e.g. 2021-autumn", bool required = false)
    {
        var option = new Option<string?>(name) { Description = description, HelpName = "YYYY-autumn|YYYY-spring", Required = required };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } term && !Terms.IsValid(term))
            {
                r.AddError($"'{term}' is not a term: write YYYY-autumn or YYYY-spring, e.g. 2021-autumn");
            }
        });
        return option;
    }

    /// <summary>An instant in ISO 8601 (2026-12-01, 2026-12-01T08:30:00+08:00); UTC when it has no offset, as the tables print times.</summary>
    public static Option<DateTimeOffset?> Instant(string name, string description) => new(name)
    {
        Description = $"{description} (ISO 8601, UTC unless an offset is given)",
        HelpName = "ISO8601",
        CustomParser = result =>
        {
            var text = result.Tokens[^1].Value;
            if (DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AssumeUniversal, out var instant))
            {
                return instant;
            }
            result.AddError($"'{text}' is not an instant: write ISO 8601, e.g. 2026-12-01 or 2026-12-01T08:30:00Z");
            return null;
        },
    };

    public static Option<int> PageSize() => new("--page-size")
    {
        Description = "Items per page, 1–1000",
        DefaultValueFactory = _ => 50,
        HelpName = "N",
        Validators =
        {
            r =>
            {
                if (r.GetValueOrDefault<int>() is < 1 or > 1000)
                {
                    r.AddError("--page-size must be between 1 and 1000");
                }
            },
        },
    };

    public static Option<string?> PageToken() => new("--page-token")
    {
        Description = "Token printed under the previous page",
        HelpName = "TOKEN",
    };

    public static Option<bool> All() => new("--all") { Description = "Fetch every page" };
}
