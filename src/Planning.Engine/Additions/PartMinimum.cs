using Planning.Engine.Assessment;
using Planning.Engine.Rules;

namespace Planning.Engine.Additions;

/// <summary>
/// The cheapest whole additions that make each part pass the 6-of-7 rule on its own: every
/// indicator to its 85 % floor, then the cheapest ones to their threshold until enough are met
/// (the backbone indicator first when every part must meet it). Coefficients and budgets are left
/// out, so its cost is a lower bound on any plan's; filled (<see cref="CoefficientFill"/>) it is the
/// solver's first plan, found whatever the time limit unless the fill fails (per-part maxima, or a
/// ceiling tight against whole units), where only a solve finds one.
/// </summary>
internal static class PartMinimum
{
    /// <summary>The additions, or null when some part cannot pass within the per-part maxima.</summary>
    public static double[,]? Additions(AdditionsProblem problem)
    {
        var added = new double[problem.Parts.Count, Indicators.All.Count];
        for (var i = 0; i < problem.Parts.Count; i++)
        {
            if (problem.Parts[i].Students > 0 && !Pass(problem, i, added))
            {
                return null;
            }
        }

        return added;
    }

    private static bool Pass(AdditionsProblem problem, int i, double[,] added)
    {
        var raises = new List<(double Cost, Indicator Indicator, double Units)>();
        var met = 0;
        foreach (var k in Indicators.All)
        {
            var part = problem.Parts[i];
            var current = part.Current.AmountFor(k);
            var required = SchoolAssessor.Required(part.Part, k, part.Students, problem.Standard);
            var most = problem.MaxOf(k) ?? double.PositiveInfinity;
            var (toFloor, toMeet) = (Units(problem.Standard.FloorShare * required, current), Units(required, current));
            if (k == Indicator.BackboneTeachers && problem.Budgets.BackboneInEveryPart)
            {
                (added[i, (int)k], met) = (toMeet, met + 1);
                if (toMeet > most)
                {
                    return false;
                }
            }
            else if (toFloor > most)
            {
                return false;
            }
            else
            {
                added[i, (int)k] = toFloor;
                if (toMeet <= most)
                {
                    raises.Add(((toMeet - toFloor) * problem.Costs.Of(k), k, toMeet));
                }
            }
        }

        var needed = Math.Max(0, problem.Standard.MinimumMet - met);
        foreach (var raise in raises.OrderBy(r => r.Cost).ThenBy(r => r.Indicator).Take(needed))
        {
            added[i, (int)raise.Indicator] = raise.Units;
        }

        return raises.Count >= needed;
    }

    /// <summary>Whole units to add so that <paramref name="current"/> reaches <paramref name="target"/> as the assessment counts it (within its slack).</summary>
    private static double Units(double target, double current) => Math.Max(0, Math.Ceiling(target - current - SchoolAssessor.Slack(target)));
}
