using Planning.Engine.Assessment;
using Planning.Engine.Rules;

namespace Planning.Engine.Additions;

/// <summary>
/// Whether additions make a term pass, by the assessment's own rules (<see cref="SchoolAssessor"/>,
/// <see cref="DifferenceCoefficient"/>), not by the optimiser's model of them.
/// </summary>
internal static class PlanCheck
{
    /// <summary>The amount part <paramref name="i"/> has of <paramref name="indicator"/> with <paramref name="added"/>.</summary>
    public static double Amount(AdditionsProblem problem, double[,] added, int i, Indicator indicator) =>
        problem.Parts[i].Current.AmountFor(indicator) + added[i, (int)indicator];

    /// <summary>The indicators of part <paramref name="i"/> with the additions.</summary>
    public static IReadOnlyList<IndicatorResult> Indicators(AdditionsProblem problem, double[,] added, int i)
    {
        var part = problem.Parts[i];
        return [.. Rules.Indicators.All.Select(k =>
            SchoolAssessor.AssessIndicator(part.Part, k, part.Students, Amount(problem, added, i, k), problem.Standard))];
    }

    /// <summary>True when part <paramref name="i"/> meets the 6-of-7 rule (and the backbone indicator, when every part must).</summary>
    public static bool PartPasses(AdditionsProblem problem, double[,] added, int i)
    {
        var indicators = Indicators(problem, added, i);
        return SchoolAssessor.ResourceRule(indicators, problem.Standard) == Outcome.Met
            && (!problem.Budgets.BackboneInEveryPart || indicators[(int)Indicator.BackboneTeachers].Outcome == Outcome.Met);
    }

    /// <summary>The coefficient of <paramref name="indicator"/> over the parts of <paramref name="level"/> with the additions.</summary>
    public static DifferenceCoefficient Coefficient(AdditionsProblem problem, double[,] added, SchoolPart level, Indicator indicator) =>
        DifferenceCoefficient.Compute(problem.Parts
            .Select((p, i) => (p, i))
            .Where(x => x.p.Part == level && x.p.Students > 0)
            .Select(x => new WeightedValue(x.p.Code, x.p.Students,
                Amount(problem, added, x.i, indicator) * Rules.Indicators.PerStudents(indicator) / x.p.Students)));

    /// <summary>True when the coefficient is defined and within the level's ceiling (as DistrictAssessment counts it).</summary>
    public static bool Within(AdditionsProblem problem, DifferenceCoefficient coefficient, SchoolPart level) =>
        coefficient.Coefficient is { } c && c <= problem.Standard.CoefficientCeiling(level) + DistrictAssessment.CeilingTolerance;
}
