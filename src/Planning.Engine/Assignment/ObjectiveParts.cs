using Planning.Engine.Assessment;
using Planning.Engine.Results;
using Planning.Engine.Rules;

namespace Planning.Engine.Assignment;

/// <summary>The objective of <see cref="AssignmentProblem"/> for any allocation (whole or split), term by term and level by level.</summary>
internal static class ObjectiveParts
{
    public static ObjectiveBreakdown Of(AssignmentProblem problem, IReadOnlyList<IReadOnlyList<Allocation>> perUnit)
    {
        var gradeLoad = new long[problem.GradeCapacity.Length];
        var totalLoad = new long[problem.SchoolCount];
        var levels = new[] { new Tally(), new Tally() };
        for (var u = 0; u < perUnit.Count; u++)
        {
            var unit = problem.Units[u];
            var tally = levels[(int)unit.Part];
            foreach (var (i, school, count) in perUnit[u])
            {
                var item = unit.Items[i];
                if (school < 0)
                {
                    levels[(int)Grades.PartOf(item.Grade)].Overflow += count;
                    continue;
                }

                var candidate = CandidateAt(unit, school);
                tally.Travel += count * candidate.DistanceMetres;
                tally.Changed += candidate.IsCurrentCatchment ? 0 : count;
                tally.Moved += AssignmentProblem.IsMove(item, candidate) ? count : 0;
                gradeLoad[AssignmentProblem.Slot(school, item.Grade)] += count;
                totalLoad[school] += count;
            }
        }

        for (var slot = 0; slot < gradeLoad.Length; slot++)
        {
            levels[(int)Grades.PartOf(AssignmentProblem.GradeOf(slot))].Overflow += AssignmentProblem.Over(gradeLoad[slot], problem.GradeCapacity[slot]);
        }

        var whole = new Tally();
        for (var s = 0; s < totalLoad.Length; s++)
        {
            whole.Overflow += AssignmentProblem.Over(totalLoad[s], problem.TotalCapacity[s]);
            whole.UnderFill += problem.UnderFillCost > 0 ? problem.UnderFill(s, totalLoad[s]) : 0;
        }

        return new ObjectiveBreakdown(levels[0].Terms(problem), levels[1].Terms(problem), whole.Terms(problem));
    }

    private static Candidate CandidateAt(DecisionUnit unit, int school)
    {
        foreach (var candidate in unit.Candidates)
        {
            if (candidate.School == school)
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"school {school} is not a candidate of area {unit.Area}");
    }

    private sealed class Tally
    {
        public long Travel { get; set; }

        public long Moved { get; set; }

        public long Changed { get; set; }

        public long Overflow { get; set; }

        public long UnderFill { get; set; }

        public ObjectiveTerms Terms(AssignmentProblem p) => new(
            Travel, Moved, Moved * p.MoveCost, Changed, Changed * p.ChangeCost, Overflow, Overflow * p.OverflowCost, UnderFill, UnderFill * p.UnderFillCost);
    }
}
