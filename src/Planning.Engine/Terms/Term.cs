using System.Globalization;

namespace Planning.Engine.Terms;

/// <summary>
/// A school term, written <c>2020-autumn</c> or <c>2021-spring</c> (docs/dataset-format.md). Terms
/// order in time: 2020-autumn &lt; 2021-spring &lt; 2021-autumn. The school year 2020/21 is
/// 2020-autumn followed by 2021-spring.
/// </summary>
/// <param name="Year">Calendar year in which the term starts.</param>
/// <param name="Season">Autumn or spring.</param>
public readonly record struct Term(int Year, Season Season) : IComparable<Term>
{
    /// <summary>The base term of the Baodi data and the default start of a simulation.</summary>
    public static Term Base { get; } = new(2020, Season.Autumn);

    /// <summary>The default last simulated term.</summary>
    public static Term DefaultHorizon { get; } = new(2025, Season.Autumn);

    /// <summary>The autumn term of <paramref name="year"/>, when that school year starts.</summary>
    public static Term Autumn(int year) => new(year, Season.Autumn);

    /// <summary>The spring term of <paramref name="year"/> (the second term of the school year that started the autumn before).</summary>
    public static Term Spring(int year) => new(year, Season.Spring);

    /// <summary>The year in which this term's school year started (2021-spring belongs to 2020).</summary>
    public int SchoolYear => Season == Season.Autumn ? Year : Year - 1;

    /// <summary>True for an autumn term, when cohorts move up a grade and new pupils start.</summary>
    public bool IsAutumn => Season == Season.Autumn;

    /// <summary>The term after this one.</summary>
    public Term Next => Season == Season.Autumn ? new Term(Year + 1, Season.Spring) : new Term(Year, Season.Autumn);

    /// <summary>The term before this one.</summary>
    public Term Previous => Season == Season.Spring ? new Term(Year - 1, Season.Autumn) : new Term(Year, Season.Spring);

    /// <summary>Terms from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public static IReadOnlyList<Term> Range(Term first, Term last)
    {
        var terms = new List<Term>();
        for (var t = first; t <= last; t = t.Next)
        {
            terms.Add(t);
        }

        return terms;
    }

    /// <summary>Reads <c>YYYY-autumn</c> or <c>YYYY-spring</c> (case-insensitive).</summary>
    /// <exception cref="FormatException">The text is not a term.</exception>
    public static Term Parse(string text) =>
        TryParse(text, out var term) ? term : throw new FormatException($"'{text}' is not a term: expected e.g. 2020-autumn or 2021-spring");

    /// <summary>Reads <c>YYYY-autumn</c> or <c>YYYY-spring</c>; false when the text is not a term.</summary>
    public static bool TryParse(string? text, out Term term)
    {
        term = default;
        var dash = text?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        if (text is null || dash != 4
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return false;
        }

        var season = text[(dash + 1)..];
        if (season.Equals("autumn", StringComparison.OrdinalIgnoreCase))
        {
            term = new Term(year, Season.Autumn);
            return true;
        }

        if (season.Equals("spring", StringComparison.OrdinalIgnoreCase))
        {
            term = new Term(year, Season.Spring);
            return true;
        }

        return false;
    }

    /// <summary>The earliest year a term of the data may start in.</summary>
    public const int MinYear = 1950;

    /// <summary>The latest year a term of the data may start in.</summary>
    public const int MaxYear = 2099;

    /// <summary>The format every client writes, as a regular expression (for the contract's rules).</summary>
    public const string Pattern = "^[0-9]{4}-(autumn|spring)$";

    /// <summary>
    /// Reads a term written exactly in its canonical form (<c>2020-autumn</c>, lower case) with a
    /// year from <see cref="MinYear"/> to <see cref="MaxYear"/>: the form the dataset and the
    /// contract require. False for anything else.
    /// </summary>
    public static bool TryParseExact(string? text, out Term term) =>
        TryParse(text, out term) && term.Year is >= MinYear and <= MaxYear && term.ToString() == text;

    /// <summary>Number of terms from <paramref name="other"/> to this term (negative when earlier).</summary>
    public int TermsSince(Term other) => Ordinal - other.Ordinal;

    /// <inheritdoc/>
    public int CompareTo(Term other) => Ordinal.CompareTo(other.Ordinal);

    /// <summary>The canonical text, e.g. <c>2020-autumn</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{(Season == Season.Autumn ? "autumn" : "spring")}");

    /// <summary>True when <paramref name="left"/> comes before <paramref name="right"/>.</summary>
    public static bool operator <(Term left, Term right) => left.CompareTo(right) < 0;

    /// <summary>True when <paramref name="left"/> comes after <paramref name="right"/>.</summary>
    public static bool operator >(Term left, Term right) => left.CompareTo(right) > 0;

    /// <summary>True when <paramref name="left"/> is <paramref name="right"/> or comes before it.</summary>
    public static bool operator <=(Term left, Term right) => left.CompareTo(right) <= 0;

    /// <summary>True when <paramref name="left"/> is <paramref name="right"/> or comes after it.</summary>
    public static bool operator >=(Term left, Term right) => left.CompareTo(right) >= 0;

    // Spring of year Y comes before autumn of year Y.
    private int Ordinal => Year * 2 + (Season == Season.Autumn ? 1 : 0);
}
