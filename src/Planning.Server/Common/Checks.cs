using System.Globalization;
using Planning.Engine.Terms;

namespace Planning.Server.Common;

/// <summary>The field checks every write path shares, each worded once.</summary>
public static class Checks
{
    /// <summary>Longest code (school, area, admin area, district).</summary>
    public const int MaxCodeLength = 32;

    /// <summary>Longest name or other short text.</summary>
    public const int MaxTextLength = 100;

    /// <summary>A required short text without control characters.</summary>
    public static void Text(string value, string field, int max, Problems problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(field, "is required");
        }
        else if (value.Any(char.IsControl))
        {
            problems.Add(field, "must not contain control characters");
        }
        else if (value.Length > max)
        {
            problems.Add(field, $"must be at most {max} characters, not {value.Length}");
        }
    }

    /// <summary>A term in its canonical form (see <see cref="Engine.Terms.Term.TryParseExact"/>).</summary>
    public static void Term(string value, string field, Problems problems)
    {
        if (!Engine.Terms.Term.TryParseExact(value, out _))
        {
            problems.Add(field, BadTerm(value));
        }
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static void Range(long value, long min, long max, string field, Problems problems)
    {
        if (value < min)
        {
            problems.Add(field, $"must not be negative ({value})");
        }
        else if (value > max)
        {
            problems.Add(field, $"must be at most {max} ({value})");
        }
    }

    /// <summary>An id that must be a UUID; NOT_FOUND is the caller's business once it parses.</summary>
    public static Guid Id(string value, string field, string what)
    {
        if (!Guid.TryParse(value, out var id))
        {
            throw new ValidationFailedException([new FieldProblem(field, BadId(value, what))]);
        }
        return id;
    }

    /// <summary>A term field: INVALID_ARGUMENT naming the field unless it reads as a term.</summary>
    public static Term TermOf(string value, string field)
    {
        var problems = new Problems();
        Term(value, field, problems);
        problems.ThrowIfAny();
        return Engine.Terms.Term.Parse(value);
    }

    /// <summary>The one wording of an id that is not a UUID.</summary>
    public static string BadId(string value, string what) => $"\"{value}\" is not a {what} id (a UUID)";

    /// <summary>The one wording of a bad term.</summary>
    public static string BadTerm(string value) =>
        string.Create(CultureInfo.InvariantCulture, $"must be a term like \"2020-autumn\" or \"2021-spring\", not \"{value}\"");
}
