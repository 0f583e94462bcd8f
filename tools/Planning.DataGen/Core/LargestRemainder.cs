namespace Planning.DataGen.Core;

/// <summary>Splits an integer total in proportion to weights so that the parts add up exactly.</summary>
public static class LargestRemainder
{
    public static int[] Split(int total, IReadOnlyList<double> weights)
    {
        var weightSum = weights.Sum();
        var parts = new int[weights.Count];
        var remainders = new double[weights.Count];
        var assigned = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = total * weights[i] / weightSum;
            parts[i] = (int)Math.Floor(exact);
            remainders[i] = exact - parts[i];
            assigned += parts[i];
        }

        var order = Enumerable.Range(0, weights.Count)
            .OrderByDescending(i => remainders[i])
            .ThenBy(i => i)
            .ToList();
        for (var k = 0; k < total - assigned; k++)
        {
            parts[order[k % order.Count]]++;
        }

        return parts;
    }
}
