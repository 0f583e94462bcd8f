using Planning.Engine.Additions;
using Planning.Engine.Assessment;
using Planning.Engine.Rules;

namespace Planning.Engine.Tests.Additions;

/// <summary>
/// The cheapest passing additions by trying every one: each part's vectors of 0…max units per
/// resource that pass its 6-of-7 rule (SchoolAssessor), then every combination over the parts in
/// order of cost until one meets the budgets and every coefficient (DifferenceCoefficient).
/// </summary>
internal static class Exhaustive
{
    public static double? Cheapest(AdditionsProblem problem, int max)
    {
        var options = problem.Parts.Select(p => Vectors(max).Where(v => PartPasses(problem, p, v))
            .Select(v => (Vector: v, Cost: Indicators.All.Sum(k => v[(int)k] * problem.Costs.Of(k))))
            .OrderBy(o => o.Cost).ToList()).ToList();
        double? best = null;
        var chosen = new int[problem.Parts.Count][];
        Search(0, 0);
        return best;

        void Search(int i, double cost)
        {
            if (best is { } b && cost >= b - 1e-9)
            {
                return;
            }
            if (i == problem.Parts.Count)
            {
                if (WithinBudgets(problem, chosen) && Coefficients(problem, chosen))
                {
                    best = cost;
                }
                return;
            }
            foreach (var (vector, c) in options[i])
            {
                if (best is { } bb && cost + c >= bb - 1e-9)
                {
                    break;
                }
                chosen[i] = vector;
                Search(i + 1, cost + c);
            }
        }
    }

    /// <summary>True when <paramref name="plan"/> passes the problem's rules.</summary>
    public static bool Passes(AdditionsProblem problem, AdditionsPlan plan)
    {
        var chosen = problem.Parts.Select(p => plan.Parts.FirstOrDefault(a => a.Code == p.Code && a.Part == p.Part) is { } a
            ? [.. a.Amounts.Select(x => (int)x)]
            : new int[7]).ToArray();
        return chosen.Select((v, i) => PartPasses(problem, problem.Parts[i], v)).All(x => x)
            && WithinBudgets(problem, chosen) && Coefficients(problem, chosen);
    }

    private static IEnumerable<int[]> Vectors(int max)
    {
        var total = (int)Math.Pow(max + 1, 7);
        for (var n = 0; n < total; n++)
        {
            var v = new int[7];
            for (int k = 0, r = n; k < 7; k++, r /= max + 1)
            {
                v[k] = r % (max + 1);
            }
            yield return v;
        }
    }

    private static bool PartPasses(AdditionsProblem problem, PartStock part, int[] added)
    {
        var results = Indicators.All.Select(k => SchoolAssessor.AssessIndicator(
            part.Part, k, part.Students, part.Current.AmountFor(k) + added[(int)k], problem.Standard)).ToList();
        return SchoolAssessor.ResourceRule(results, problem.Standard) == Outcome.Met
            && (!problem.Budgets.BackboneInEveryPart || results[(int)Indicator.BackboneTeachers].Outcome == Outcome.Met);
    }

    private static bool WithinBudgets(AdditionsProblem problem, int[][] chosen) =>
        Indicators.All.All(k => problem.Budgets.Of(k) is not { } b || chosen.Sum(v => v[(int)k]) <= b);

    private static bool Coefficients(AdditionsProblem problem, int[][] chosen) => SchoolParts.All.All(level =>
        Indicators.All.All(k =>
        {
            var values = problem.Parts.Select((p, i) => (p, i)).Where(x => x.p.Part == level && x.p.Students > 0)
                .Select(x => new WeightedValue(x.p.Code, x.p.Students,
                    (x.p.Current.AmountFor(k) + chosen[x.i][(int)k]) * Indicators.PerStudents(k) / x.p.Students)).ToList();
            if (values.Count == 0)
            {
                return true;
            }
            var c = DifferenceCoefficient.Compute(values).Coefficient;
            return c is { } value && value <= problem.Standard.CoefficientCeiling(level) + 1e-9;
        }));
}
