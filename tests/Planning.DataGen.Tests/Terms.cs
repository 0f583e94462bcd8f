using Planning.Engine.Terms;

namespace Planning.DataGen.Tests;

/// <summary>Term strings of the dataset format compared as school terms (2020-autumn &lt; 2021-spring).</summary>
public static class Terms
{
    public const string Base = "2020-autumn";

    public static int Ordinal(string term) => Term.Parse(term).TermsSince(Term.Parse(Base));
}
