using System.Globalization;
using Planning.Engine.Terms;

namespace Planning.Server.Common;

/// <summary>Checks of request fields that are not base data (ids, terms, ranges), each worded once; the base data's own are in Dataset.FieldRules.</summary>
public static class Checks
{
    /// <summary>
    /// False for text with a lone UTF-16 surrogate (JSON's "\ud800" escape reads as one): it has no UTF-8
    /// form, so PostgreSQL and every client would refuse or mangle it.
    /// </summary>
    public static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }
        return true;
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
        string.Create(CultureInfo.InvariantCulture, $"must be a term like \"2020-autumn\" or \"2021-spring\", not \"{(value.Length <= 40 ? value : value[..40] + "…")}\"");
}
