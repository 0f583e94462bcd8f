using Planning.Engine.Assessment;
using Planning.Engine.Assignment;
using Planning.Engine.Results;
using Planning.Engine.Rules;
using Planning.Engine.Spatial;
using Planning.Engine.Terms;

namespace Planning.Engine.Simulation;

/// <summary>Turns the state after a term into its <see cref="TermResult"/>.</summary>
internal static class TermReport
{
    public static TermResult Build(
        District district,
        Term term,
        List<List<PupilGroup>> groups,
        Dictionary<int, Dictionary<int, int>> placed,
        List<AreaAssignment> assignments,
        TermCounts counts,
        SolveStats solve,
        CatchmentBuilder catchments,
        AreaGraph? graph,
        IReadOnlyDictionary<(string School, SchoolPart Part, string FirstArea), string>? enclaveReasons)
    {
        var enrolment = Enrolment(district, groups);
        var schools = Enumerable.Range(0, district.Schools.Count).Select(s => School(district, term, s, enrolment)).ToList();
        var violations = schools.SelectMany((school, s) => Violations(district, school, placed.GetValueOrDefault(s))).ToList();
        violations.AddRange(Unserved(district, groups));
        var placements = new List<Placement>();
        for (var a = 0; a < groups.Count; a++)
        {
            placements.AddRange(groups[a]
                .Where(g => g.School >= 0)
                .Select(g => new Placement(district.Areas[a].Code, g.Grade, district.Schools[g.School].Code, g.Count)));
        }

        var awayFromBase = Enumerable.Range(0, district.RealAreaCount).Sum(a => groups[a]
            .Where(g => g.School >= 0 && district.Areas[a].BaseSchools[(int)Grades.PartOf(g.Grade)] is var b && b >= 0 && b != g.School)
            .Sum(g => g.Count));
        var movement = new MovementStats(counts.Intake, counts.Arrivals, counts.Leavers, counts.Moved, awayFromBase);
        var distances = Distances(district, groups);
        return new TermResult(
            term, schools, assignments, placements, catchments.Build(district, assignments, graph, enclaveReasons), violations, movement, distances, solve);
    }

    /// <summary>Students per school and grade, at <see cref="AssignmentProblem.Slot"/>.</summary>
    public static int[] Enrolment(District district, List<List<PupilGroup>> groups)
    {
        var enrolment = new int[district.Schools.Count * Grades.Count];
        foreach (var area in groups)
        {
            foreach (var group in area)
            {
                if (group.School >= 0)
                {
                    enrolment[AssignmentProblem.Slot(group.School, group.Grade)] += group.Count;
                }
            }
        }

        return enrolment;
    }

    private static SchoolTermResult School(District district, Term term, int s, int[] enrolment)
    {
        var school = district.Schools[s];
        var grades = new List<GradeResult>();
        for (var grade = Grades.First; grade <= Grades.Last; grade++)
        {
            var students = enrolment[AssignmentProblem.Slot(s, grade)];
            var tracks = district.Tracks(s, term, Grades.PartOf(grade));
            if (students == 0 && tracks == 0)
            {
                continue;
            }

            grades.Add(GradeResult.Of(grade, students, tracks, district.Parameters.ClassLimit(grade)));
        }

        return new SchoolTermResult(
            school.Code,
            school.IsOpenIn(term),
            grades.Sum(g => g.Students),
            district.SizeLimit(s),
            district.Tracks(s, term, SchoolPart.Primary),
            district.Tracks(s, term, SchoolPart.Junior),
            grades);
    }

    private static IEnumerable<Violation> Violations(District district, SchoolTermResult school, Dictionary<int, int>? placedByArea)
    {
        foreach (var violation in Violation.LimitsOf(school))
        {
            yield return violation;
        }

        var totalExcess = Math.Max(0, school.Students - school.SizeLimit);

        // Only pupils placed this term can be short of a seat; an excess of pupils who stayed is the violations above.
        var placed = placedByArea?.Values.Sum() ?? 0;
        var gradeExcess = school.Grades.Sum(g => Math.Max(0, g.Students - g.Capacity));
        var seatsShort = Math.Min(placed, Math.Max(totalExcess, gradeExcess));
        if (seatsShort > 0)
        {
            var areas = placedByArea!
                .Where(p => district.Areas[p.Key].Code is not null)
                .OrderByDescending(p => p.Value)
                .ThenBy(p => p.Key)
                .Select(p => district.Areas[p.Key].Code!)
                .ToList();
            yield return new Violation(ViolationKind.SeatsShort, school.SchoolCode, null, null, school.Students, school.Students - seatsShort, seatsShort, null, areas);
        }
    }

    private static IEnumerable<Violation> Unserved(District district, List<List<PupilGroup>> groups)
    {
        foreach (var part in SchoolParts.All)
        {
            var byArea = new List<(int Area, int Count)>();
            for (var a = 0; a < groups.Count; a++)
            {
                var count = 0;
                foreach (var g in groups[a])
                {
                    count += g.School < 0 && Grades.PartOf(g.Grade) == part ? g.Count : 0;
                }

                if (count > 0)
                {
                    byArea.Add((a, count));
                }
            }

            var total = byArea.Sum(x => x.Count);
            if (total > 0)
            {
                var areas = byArea.OrderByDescending(x => x.Count).Select(x => district.Areas[x.Area].Code).OfType<string>().ToList();
                yield return new Violation(ViolationKind.SeatsShort, null, part, null, total, 0, total, null, areas);
            }
        }
    }

    /// <summary>Distance from home to school: all pupils, then primary, then junior.</summary>
    private static List<DistanceStats> Distances(District district, List<List<PupilGroup>> groups)
    {
        // Index 0 all pupils, 1 + level each level's: each sum adds its pupils' terms in area and group order, as one pass per level would.
        var students = new long[3];
        var sum = new double[3];
        var max = new double[3];
        for (var a = 0; a < district.RealAreaCount; a++)
        {
            foreach (var g in groups[a])
            {
                if (g.School < 0)
                {
                    continue;
                }

                var metres = district.Areas[a].Point.DistanceTo(district.Schools[g.School].Location);
                foreach (var i in (ReadOnlySpan<int>)[0, 1 + (int)Grades.PartOf(g.Grade)])
                {
                    students[i] += g.Count;
                    sum[i] += metres * g.Count;
                    max[i] = Math.Max(max[i], metres);
                }
            }
        }

        SchoolPart?[] parts = [null, SchoolPart.Primary, SchoolPart.Junior];
        return [.. parts.Select((part, i) => new DistanceStats(part, (int)students[i], students[i] == 0 ? 0 : sum[i] / students[i], max[i]))];
    }
}
