using System.Globalization;

namespace Planning.Cli.Output;

/// <summary>Numbers printed with enough digits to show why they pass or fail their limit.</summary>
public static class Digits
{
    private const int MaxDecimals = 12;

    /// <summary>
    /// <paramref name="value"/> with at least <paramref name="decimals"/> decimals, and more while
    /// it would read the same as <paramref name="limit"/> without being equal to it: 0.5001 against
    /// 0.50 prints "0.5001", not "0.500"; 0.45 against 0.45 prints "0.450".
    /// </summary>
    public static string Enough(double value, double limit, int decimals = 3)
    {
        var text = Fixed(value, decimals);
        while (value != limit && text == Fixed(limit, decimals) && decimals < MaxDecimals)
        {
            text = Fixed(value, ++decimals);
        }
        return text;
    }

    private static string Fixed(double value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);
}
