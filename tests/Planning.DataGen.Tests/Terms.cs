namespace Planning.DataGen.Tests;

/// <summary>Term strings of the dataset format compared as school terms (2020-autumn &lt; 2021-spring).</summary>
public static class Terms
{
    public const string Base = "2020-autumn";

    public static int Ordinal(string term)
    {
        var parts = term.Split('-');
        var year = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        return parts[1] switch
        {
            "autumn" => (year * 2) + 1,
            "spring" => year * 2,
            _ => throw new FormatException($"not a term: {term}"),
        };
    }
}
