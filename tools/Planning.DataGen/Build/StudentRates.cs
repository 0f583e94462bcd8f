using Planning.DataGen.Core;
using Planning.DataGen.Model;
using Planning.Engine.Rules;
using Planning.Engine.Terms;

namespace Planning.DataGen.Build;

/// <summary>
/// Students per 1,000 residents (千人指标) and their spread over grades. The settled rates match
/// the census age structure (about 1 % of residents per year of age, 14.8 % aged 0–14); new
/// compounds have younger families, so more pupils and more of them in the lower grades.
/// </summary>
public static class StudentRates
{
    public const double PrimaryPerThousand = 58;
    public const double JuniorPerThousand = 28;
    public const double NewCompoundPrimaryPerThousand = 70;
    public const double NewCompoundJuniorPerThousand = 31;

    private static readonly double[] SettledGradeWeights = [1.04, 1.03, 1.01, 0.99, 0.97, 0.96, 1.02, 1.0, 0.98];
    private static readonly double[] NewCompoundGradeWeights = [1.15, 1.1, 1.04, 0.98, 0.92, 0.86, 1.05, 1.0, 0.95];

    /// <summary>Expected students per grade 1–9 for residents at the given occupancy (no noise).</summary>
    public static double[] Expected(ResidentialArea area, double occupancy)
    {
        var isNew = area.IsNewCompound;
        var weights = isNew ? NewCompoundGradeWeights : SettledGradeWeights;
        var primaryRate = isNew ? NewCompoundPrimaryPerThousand : PrimaryPerThousand;
        var juniorRate = isNew ? NewCompoundJuniorPerThousand : JuniorPerThousand;
        var primaryWeight = Grades.Of(SchoolPart.Primary).Sum(g => weights[g - 1]);
        var juniorWeight = Grades.Of(SchoolPart.Junior).Sum(g => weights[g - 1]);
        var residents = area.Population * occupancy / 1000.0;
        return weights
            .Select((w, g) => g < 6 ? residents * primaryRate * w / primaryWeight : residents * juniorRate * w / juniorWeight)
            .ToArray();
    }

    /// <summary>
    /// Students of an area in a later term as the planners would project them: settled areas keep
    /// their base-term numbers; new compounds follow their occupancy ramp at the new-compound rates.
    /// </summary>
    public static double[] Projected(ResidentialArea area, Term term)
    {
        if (!area.IsNewCompound)
        {
            return (area.Students ?? new int[9]).Select(s => (double)s).ToArray();
        }

        return Expected(area, area.OccupancyIn(term));
    }
}
