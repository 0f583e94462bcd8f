namespace Planning.DataGen.Core;

/// <summary>
/// Sine and cosine from a Taylor series using only + − × ÷, which IEEE 754 rounds the same
/// way everywhere. Math.Sin/Math.Cos call the platform's C library and may differ in the
/// last bit between machines, which would break byte-identical output.
/// </summary>
public static class DeterministicTrig
{
    public const double TwoPi = 6.283185307179586;

    public static (double Cos, double Sin) CosSin(double radians)
    {
        var x = radians;
        while (x > TwoPi / 2)
        {
            x -= TwoPi;
        }

        while (x < -TwoPi / 2)
        {
            x += TwoPi;
        }

        double cos = 0;
        double sin = 0;
        var term = 1.0;
        for (var n = 0; n < 40; n++)
        {
            if (n % 2 == 0)
            {
                cos += n % 4 == 0 ? term : -term;
            }
            else
            {
                sin += n % 4 == 1 ? term : -term;
            }

            term = term * x / (n + 1);
        }

        return (cos, sin);
    }

    /// <summary>The unit vector at a fraction of a full turn, counter-clockwise from east.</summary>
    public static (double X, double Y) Direction(double turns)
    {
        var (cos, sin) = CosSin(turns * TwoPi);
        return (cos, sin);
    }
}
