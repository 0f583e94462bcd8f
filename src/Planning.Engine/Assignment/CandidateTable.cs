using Planning.Engine.Rules;

namespace Planning.Engine.Assignment;

/// <summary>
/// A problem's units and candidates in flat arrays, built once per solve: the phases read costs
/// and loads from here instead of walking records and grouping items again in every move.
/// Unit u's candidates are <c>First[u] … First[u + 1] − 1</c>; its pupils per grade are
/// <c>GradeFirst[u] … GradeFirst[u + 1] − 1</c>.
/// </summary>
internal sealed class CandidateTable
{
    private CandidateTable(int units, int candidates, int grades)
    {
        First = new int[units + 1];
        School = new int[candidates];
        Cost = new long[candidates];
        GradeFirst = new int[units + 1];
        Grade = new int[grades];
        GradePupils = new long[grades];
        Pupils = new long[units];
    }

    public int[] First { get; }

    /// <summary>School of each candidate.</summary>
    public int[] School { get; }

    /// <summary>Cost of sending the whole unit to each candidate: travel, moves and catchment changes.</summary>
    public long[] Cost { get; }

    public int[] GradeFirst { get; }

    public int[] Grade { get; }

    public long[] GradePupils { get; }

    public long[] Pupils { get; }

    public int Units => Pupils.Length;

    public int Count(int unit) => First[unit + 1] - First[unit];

    /// <summary>
    /// Pupils per grade slot and per school with each unit at its candidate in <paramref name="choice"/>
    /// (none where −1), leaving out the units <paramref name="skip"/> marks.
    /// </summary>
    public (long[] Grade, long[] School) Loads(AssignmentProblem problem, IReadOnlyList<int> choice, bool[]? skip = null)
    {
        var grade = new long[problem.GradeCapacity.Length];
        var school = new long[problem.SchoolCount];
        for (var u = 0; u < Units; u++)
        {
            if (choice[u] < 0 || (skip?[u] ?? false))
            {
                continue;
            }

            AddLoad(u, First[u] + choice[u], grade, school);
        }

        return (grade, school);
    }

    /// <summary>Adds unit <paramref name="u"/>'s pupils at its candidate <paramref name="k"/> (a table index) to the loads per grade slot and per school.</summary>
    public void AddLoad(int u, int k, long[] grade, long[] school)
    {
        school[School[k]] += Pupils[u];
        for (var j = GradeFirst[u]; j < GradeFirst[u + 1]; j++)
        {
            grade[AssignmentProblem.Slot(School[k], Grade[j])] += GradePupils[j];
        }
    }

    /// <summary>
    /// Seats per slot and school, and pupils short of each fill target, once the units that are not
    /// <paramref name="free"/> sit at their <paramref name="start"/> (seats below 0 where they overfill it).
    /// </summary>
    public (long[] Grade, long[] School, long[] Fill) SeatsLeft(AssignmentProblem problem, int[] start, bool[] free)
    {
        var (grade, school) = Loads(problem, start, skip: free);
        return (
            problem.GradeCapacity.Select((seats, slot) => seats - grade[slot]).ToArray(),
            problem.TotalCapacity.Select((seats, s) => seats - school[s]).ToArray(),
            problem.FillTarget.Select((target, s) => target - school[s]).ToArray());
    }

    /// <summary>Per school, the units that have it as a candidate, in this table's unit order.</summary>
    public (int[] First, int[] Units) UnitsBySchool(int schoolCount)
    {
        var first = new int[schoolCount + 1];
        foreach (var s in School)
        {
            first[s + 1]++;
        }

        for (var s = 0; s < schoolCount; s++)
        {
            first[s + 1] += first[s];
        }

        var next = (int[])first.Clone();
        var units = new int[School.Length];
        for (var u = 0; u < Units; u++)
        {
            for (var k = First[u]; k < First[u + 1]; k++)
            {
                units[next[School[k]]++] = u;
            }
        }

        return (first, units);
    }

    /// <summary>The same table with its units in another order: unit i of the result is unit <paramref name="order"/>[i] here.</summary>
    public CandidateTable Reordered(IReadOnlyList<int> order)
    {
        if (order.Count != Units)
        {
            throw new ArgumentException($"an order of {order.Count} units for a table of {Units}", nameof(order));
        }

        var table = new CandidateTable(Units, School.Length, Grade.Length);
        var (k, j) = (0, 0);
        for (var i = 0; i < order.Count; i++)
        {
            var u = order[i];
            (table.First[i], table.GradeFirst[i], table.Pupils[i]) = (k, j, Pupils[u]);
            var (candidates, grades) = (Count(u), GradeFirst[u + 1] - GradeFirst[u]);
            Array.Copy(School, First[u], table.School, k, candidates);
            Array.Copy(Cost, First[u], table.Cost, k, candidates);
            Array.Copy(Grade, GradeFirst[u], table.Grade, j, grades);
            Array.Copy(GradePupils, GradeFirst[u], table.GradePupils, j, grades);
            (k, j) = (k + candidates, j + grades);
        }

        (table.First[Units], table.GradeFirst[Units]) = (k, j);
        return table;
    }

    public static CandidateTable Build(AssignmentProblem problem)
    {
        var units = problem.Units;
        var candidates = 0;
        var grades = 0;
        foreach (var unit in units)
        {
            candidates += unit.Candidates.Count;
            grades += DistinctGrades(unit);
        }

        var table = new CandidateTable(units.Count, candidates, grades);
        var (k, j) = (0, 0);
        Span<long> perGrade = stackalloc long[Grades.Last + 1];
        for (var u = 0; u < units.Count; u++)
        {
            var unit = units[u];
            table.First[u] = k;
            table.GradeFirst[u] = j;
            perGrade.Clear();
            foreach (var item in unit.Items)
            {
                perGrade[item.Grade] += item.Count;
                table.Pupils[u] += item.Count;
            }

            for (var grade = Grades.First; grade <= Grades.Last; grade++)
            {
                if (perGrade[grade] > 0)
                {
                    table.Grade[j] = grade;
                    table.GradePupils[j++] = perGrade[grade];
                }
            }

            foreach (var candidate in unit.Candidates)
            {
                table.School[k] = candidate.School;
                table.Cost[k++] = problem.UnitCost(unit, candidate);
            }
        }

        table.First[units.Count] = k;
        table.GradeFirst[units.Count] = j;
        return table;
    }

    private static int DistinctGrades(DecisionUnit unit)
    {
        var seen = 0;
        foreach (var item in unit.Items)
        {
            seen |= item.Count > 0 ? 1 << item.Grade : 0;
        }

        return int.PopCount(seen);
    }
}
