using Planning.Engine.Rules;

namespace Planning.Engine.Additions;

/// <summary>
/// A plan that passes, made from one that may not: each coefficient over its ceiling is brought
/// within it by raising the lowest per-pupil values of its level to a common floor (the least floor
/// that passes, found by bisection, amounts in whole units), which narrows the spread where it is
/// cheapest. The solver keeps it as its incumbent while its own rounds have not found a plan that
/// passes; its cost is an upper bound, never claimed optimal.
/// </summary>
internal static class CoefficientFill
{
    private const int Bisections = 60;

    /// <summary>The filled plan, or null when <paramref name="start"/> misses a part's rule or a floor would pass a part's maximum.</summary>
    public static double[,]? Fill(AdditionsProblem problem, double[,] start)
    {
        var added = (double[,])start.Clone();
        if (Enumerable.Range(0, problem.Parts.Count).Any(i => problem.Parts[i].Students > 0 && !PlanCheck.PartPasses(problem, added, i)))
        {
            return null;
        }

        foreach (var level in SchoolParts.All)
        {
            foreach (var indicator in Indicators.All)
            {
                if (!Passes(problem, added, level, indicator) && !FillOne(problem, added, level, indicator))
                {
                    return null;
                }
            }
        }

        return added;
    }

    private static bool Passes(AdditionsProblem problem, double[,] added, SchoolPart level, Indicator indicator)
    {
        var coefficient = PlanCheck.Coefficient(problem, added, level, indicator);
        return coefficient.Students == 0 || PlanCheck.Within(problem, coefficient, level);
    }

    private static bool FillOne(AdditionsProblem problem, double[,] added, SchoolPart level, Indicator indicator)
    {
        var members = Enumerable.Range(0, problem.Parts.Count).Where(i => problem.Parts[i].Part == level && problem.Parts[i].Students > 0).ToList();
        var per = Indicators.PerStudents(indicator);
        double Value(int i) => PlanCheck.Amount(problem, added, i, indicator) * per / problem.Parts[i].Students;
        var (low, high) = (members.Min(Value), members.Max(Value));
        double[,]? At(double floor)
        {
            var trial = (double[,])added.Clone();
            foreach (var i in members)
            {
                var need = Math.Ceiling((floor * problem.Parts[i].Students / per) - PlanCheck.Amount(problem, added, i, indicator) - 1e-9);
                if (need > 0)
                {
                    trial[i, (int)indicator] += need;
                    if (problem.MaxOf(indicator) is { } most && trial[i, (int)indicator] > most)
                    {
                        return null;
                    }
                }
            }

            return Passes(problem, trial, level, indicator) ? trial : null;
        }

        var best = At(high);
        for (var step = 0; step < Bisections && best is not null; step++)
        {
            var middle = (low + high) / 2;
            if (At(middle) is { } trial)
            {
                (high, best) = (middle, trial);
            }
            else
            {
                low = middle;
            }
        }

        if (best is null)
        {
            return false;
        }

        foreach (var i in members)
        {
            added[i, (int)indicator] = best[i, (int)indicator];
        }

        return true;
    }
}
