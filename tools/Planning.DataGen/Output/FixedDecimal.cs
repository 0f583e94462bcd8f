using System.Globalization;

namespace Planning.DataGen.Output;

/// <summary>Numbers as text with at most N decimals, trailing zeros dropped, by integer arithmetic: the same on every machine.</summary>
public static class FixedDecimal
{
    public static string Format(double value, int decimals)
    {
        var scale = 1L;
        for (var i = 0; i < decimals; i++)
        {
            scale *= 10;
        }

        var scaled = (long)Math.Round(value * scale, MidpointRounding.AwayFromZero);
        var negative = scaled < 0;
        var magnitude = Math.Abs(scaled);
        var whole = (magnitude / scale).ToString(CultureInfo.InvariantCulture);
        var fraction = (magnitude % scale).ToString(CultureInfo.InvariantCulture).PadLeft(decimals, '0').TrimEnd('0');
        var text = fraction.Length == 0 ? whole : whole + "." + fraction;
        return negative && text != "0" ? "-" + text : text;
    }
}
