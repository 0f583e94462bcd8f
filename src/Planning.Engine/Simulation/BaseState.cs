using System.Globalization;
using Planning.Engine.Assessment;
using Planning.Engine.Assignment;
using Planning.Engine.Rules;

namespace Planning.Engine.Simulation;

/// <summary>
/// Where the pupils are in the first term. Areas with known students are at their base schools.
/// The rest of each school's base enrolment is shared among its areas whose students are unknown,
/// in proportion to their expected pupils; what no such area can take stays at the school as
/// pupils of unknown area (a stand-in area at the school). Areas with neither a school nor known
/// students bring their expected pupils to be placed in the first term.
/// </summary>
internal static class BaseState
{
    public sealed record Result(List<List<PupilGroup>> Groups, List<List<PendingPupils>> Pending);

    public static Result Build(District district, List<string> notes)
    {
        var p = district.Parameters;
        var start = p.Start;
        var groups = new List<List<PupilGroup>>();
        var pending = new List<List<PendingPupils>>();
        for (var a = 0; a < district.RealAreaCount; a++)
        {
            groups.Add([]);
            pending.Add([]);
        }

        var known = new int[district.Schools.Count * Grades.Count];
        var sharers = new Dictionary<int, List<(int Area, double Weight)>>();
        for (var a = 0; a < district.RealAreaCount; a++)
        {
            var info = district.Areas[a];
            var area = info.Source!;
            for (var grade = Grades.First; grade <= Grades.Last; grade++)
            {
                var school = info.BaseSchools[(int)Grades.PartOf(grade)];
                var teaches = district.Teaches(school, start, Grades.PartOf(grade));
                if (area.BaseStudents is { } students)
                {
                    var n = students[grade - 1];
                    if (n == 0)
                    {
                        continue;
                    }

                    if (teaches)
                    {
                        groups[a].Add(new PupilGroup(grade, school, n));
                        known[AssignmentProblem.Slot(school, grade)] += n;
                    }
                    else
                    {
                        pending[a].Add(new PendingPupils(grade, -1, n, false));
                    }

                    continue;
                }

                var expected = Demography.Expected(area, p, start, grade);
                if (expected <= 0)
                {
                    continue;
                }

                if (teaches)
                {
                    var key = AssignmentProblem.Slot(school, grade);
                    if (!sharers.TryGetValue(key, out var list))
                    {
                        sharers[key] = list = [];
                    }

                    list.Add((a, expected));
                }
                else
                {
                    var n = (int)Math.Round(expected, MidpointRounding.AwayFromZero);
                    if (n > 0)
                    {
                        pending[a].Add(new PendingPupils(grade, -1, n, false));
                    }
                }
            }
        }

        var standIns = new Dictionary<int, int>();
        for (var s = 0; s < district.Schools.Count; s++)
        {
            var enrolment = district.Schools[s].BaseEnrolment;
            for (var grade = Grades.First; grade <= Grades.Last; grade++)
            {
                var residual = enrolment[grade - 1] - known[AssignmentProblem.Slot(s, grade)];
                if (residual < 0)
                {
                    notes.Add(string.Create(CultureInfo.InvariantCulture,
                        $"school {district.Schools[s].Code}, grade {grade}: its areas' known students exceed its enrolment by {-residual}; the areas' counts are used"));
                }

                if (residual <= 0)
                {
                    continue;
                }

                if (sharers.TryGetValue(AssignmentProblem.Slot(s, grade), out var list))
                {
                    var shares = Demography.Apportion(residual, list.Select(l => l.Weight).ToList());
                    for (var i = 0; i < list.Count; i++)
                    {
                        if (shares[i] > 0)
                        {
                            groups[list[i].Area].Add(new PupilGroup(grade, s, shares[i]));
                        }
                    }

                    continue;
                }

                var standIn = StandIn(district, groups, pending, standIns, s);
                groups[standIn].Add(new PupilGroup(grade, s, residual));
            }
        }

        if (standIns.Count > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{standIns.Count} school(s) have base pupils that no area accounts for; they are kept as pupils of unknown area living at the school"));
        }

        return new Result(groups, pending);
    }

    private static int StandIn(District district, List<List<PupilGroup>> groups, List<List<PendingPupils>> pending, Dictionary<int, int> standIns, int school)
    {
        if (standIns.TryGetValue(school, out var index))
        {
            return index;
        }

        var start = district.Parameters.Start;
        var primary = district.Teaches(school, start, SchoolPart.Primary) ? school : -1;
        var junior = district.Teaches(school, start, SchoolPart.Junior) ? school : FeederOf(district, school);
        district.Areas.Add(new AreaInfo(null, district.Schools[school].Location, [primary, junior]));
        groups.Add([]);
        pending.Add([]);
        index = district.Areas.Count - 1;
        standIns[school] = index;
        return index;
    }

    /// <summary>The junior school most residents of the school's primary catchment go on to.</summary>
    private static int FeederOf(District district, int school) =>
        district.Areas
            .Take(district.RealAreaCount)
            .Where(a => a.BaseSchools[0] == school && a.BaseSchools[1] >= 0)
            .GroupBy(a => a.BaseSchools[1])
            .OrderByDescending(g => g.Sum(a => (long)a.Source!.Population))
            .ThenBy(g => g.Key)
            .Select(g => g.Key)
            .DefaultIfEmpty(-1)
            .First();
}
