namespace Planning.DataGen.Core;

/// <summary>A school term: <c>YYYY-autumn</c> or <c>YYYY-spring</c>; 2020-autumn is followed by 2021-spring.</summary>
public readonly record struct Term(int Year, bool IsAutumn) : IComparable<Term>
{
    public static readonly Term Base = Autumn(2020);

    public static Term Autumn(int year) => new(year, true);

    public static Term Spring(int year) => new(year, false);

    /// <summary>The calendar year in which the school year of this term starts (2021-spring → 2020).</summary>
    public int SchoolYear => IsAutumn ? Year : Year - 1;

    private int Ordinal => (Year * 2) + (IsAutumn ? 1 : 0);

    public int CompareTo(Term other) => Ordinal.CompareTo(other.Ordinal);

    public static bool operator <(Term a, Term b) => a.CompareTo(b) < 0;

    public static bool operator >(Term a, Term b) => a.CompareTo(b) > 0;

    public static bool operator <=(Term a, Term b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Term a, Term b) => a.CompareTo(b) >= 0;

    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Year}-{(IsAutumn ? "autumn" : "spring")}");
}
