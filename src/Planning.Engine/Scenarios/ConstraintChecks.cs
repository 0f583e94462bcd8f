using Planning.Engine.Inputs;
using Planning.Engine.Rules;
using Planning.Engine.Terms;

namespace Planning.Engine.Scenarios;

/// <summary>
/// Turns pin and lock changes into the input's <see cref="AreaPin"/>s and <see cref="SchoolLock"/>s,
/// checked against the scenario as a whole (a pin may name a school or area that a later change adds).
/// Field names are those of the contract: <c>changes[3].pin_area.school_code</c>.
/// </summary>
internal static class ConstraintChecks
{
    public static SimulationInput Apply(SimulationInput input, IReadOnlyList<(int Index, ScenarioChange Change)> changes)
    {
        if (changes.Count == 0)
        {
            return input;
        }

        var problems = new List<InputProblem>();
        var schools = input.Schools.ToDictionary(s => s.Code, StringComparer.Ordinal);
        var areas = input.Areas.Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        var p = input.Parameters;
        var pins = new List<AreaPin>();
        var locks = new List<SchoolLock>();
        foreach (var (index, change) in changes)
        {
            switch (change)
            {
                case PinArea pin:
                {
                    var field = $"changes[{index}].pin_area";
                    if (!areas.Contains(pin.AreaCode))
                    {
                        problems.Add(new(field + ".area_code", $"unknown area '{pin.AreaCode}'"));
                    }

                    if (Resolve(schools, pin.SchoolCode, pin.Part, pin.From, p, field, problems) is { } part && areas.Contains(pin.AreaCode))
                    {
                        pins.Add(new AreaPin(index, pin.AreaCode, part, pin.SchoolCode, pin.From));
                    }

                    break;
                }

                case LockSchool lockSchool:
                {
                    var field = $"changes[{index}].lock_school";
                    if (Resolve(schools, lockSchool.SchoolCode, lockSchool.Part, lockSchool.From, p, field, problems) is { } part)
                    {
                        if (locks.FirstOrDefault(l => l.SchoolCode == lockSchool.SchoolCode && l.Part == part) is { } earlier)
                        {
                            problems.Add(new(field, $"school '{lockSchool.SchoolCode}' is locked for {Grades.Describe(part)} by changes[{earlier.Change}] already"));
                        }
                        else
                        {
                            locks.Add(new SchoolLock(index, lockSchool.SchoolCode, part, lockSchool.From));
                        }
                    }

                    break;
                }
            }
        }

        foreach (var group in pins.GroupBy(x => (x.AreaCode, x.Part, x.From)))
        {
            var first = group.First();
            foreach (var other in group.Skip(1).Where(x => x.SchoolCode != first.SchoolCode))
            {
                problems.Add(new(
                    $"changes[{other.Change}].pin_area.school_code",
                    $"disagrees with changes[{first.Change}]: area '{first.AreaCode}' is pinned there to '{first.SchoolCode}' for {Grades.Describe(first.Part)} from {first.From}, here to '{other.SchoolCode}'"));
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }

        return input with { Pins = [.. input.Pins, .. pins], Locks = [.. input.Locks, .. locks] };
    }

    /// <summary>The level the change means, when the school exists, teaches it and the term is simulated; null after adding the problem.</summary>
    private static SchoolPart? Resolve(
        Dictionary<string, School> schools, string code, SchoolPart? asked, Term from, SimulationParameters p, string field, List<InputProblem> problems)
    {
        if (from < p.Start || from > p.Horizon)
        {
            problems.Add(new(field + ".from_term", $"{from} is not simulated: the scenario runs from {p.Start} to {p.Horizon}"));
        }

        if (!schools.TryGetValue(code, out var school))
        {
            problems.Add(new(field + ".school_code", $"unknown school '{code}'"));
            return null;
        }

        var parts = SchoolLevels.PartsOf(school.Level);
        if (asked is not { } part)
        {
            if (parts.Count > 1)
            {
                problems.Add(new(field + ".part", $"is required: '{code}' is a nine-year school (primary or junior)"));
                return null;
            }

            part = parts[0];
        }
        else if (!parts.Contains(part))
        {
            problems.Add(new(field + ".school_code", $"'{code}' is a {school.Level.ToString().ToLowerInvariant()} school and does not teach {Grades.Describe(part)}"));
            return null;
        }

        if (from >= p.Start && from <= p.Horizon && school.TracksIn(from, part) == 0)
        {
            var when = from < school.Opening ? $"it opens in {school.Opening}"
                : school.ClosedFrom is { } closed && from >= closed ? $"it is closed from {closed}"
                : "it has no tracks for that level then";
            problems.Add(new(field + ".school_code", $"'{code}' does not teach {Grades.Describe(part)} in {from}: {when}"));
            return null;
        }

        return from < p.Start || from > p.Horizon ? null : part;
    }
}
