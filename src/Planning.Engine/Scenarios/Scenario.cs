using Planning.Engine.Inputs;

namespace Planning.Engine.Scenarios;

/// <summary>Applies scenario changes to a base input.</summary>
public static class Scenario
{
    /// <summary>
    /// The base input with <paramref name="changes"/> applied in order. Pure: the base input is
    /// left as it is. Pins and locks become the input's constraints, checked against the result of
    /// every other change (<see cref="AreaPin.Change"/> is the change's index in <paramref name="changes"/>). Validate the result with <see cref="SimulationInput.Validate"/> (the simulator does).
    /// </summary>
    /// <exception cref="InvalidInputException">A change names an unknown school, or adds a code that exists.</exception>
    public static SimulationInput Apply(SimulationInput baseInput, IEnumerable<ScenarioChange> changes)
    {
        ArgumentNullException.ThrowIfNull(baseInput);
        ArgumentNullException.ThrowIfNull(changes);
        var input = baseInput;
        var index = 0;
        var constraints = new List<(int Index, ScenarioChange Change)>();
        foreach (var change in changes)
        {
            var field = $"changes[{index++}]";
            if (change is PinArea or LockSchool)
            {
                constraints.Add((index - 1, change));
                continue;
            }

            input = change switch
            {
                OpenSchool open => input with { Schools = [.. input.Schools, NewSchool(input, open.School, field)] },
                CloseSchool close => Replace(input, close.SchoolCode, field, s => s with { ClosedFrom = close.From }),
                ExpandSchool expand => Replace(input, expand.SchoolCode, field, s => Expand(s, expand)),
                AddResidentialArea add => input with { Areas = [.. input.Areas, NewArea(input, add.Area, field)] },
                ChangeParameters p => input with { Parameters = Change(input.Parameters, p) },
                _ => throw new InvalidInputException([new(field, $"unknown change {change.GetType().Name}")]),
            };
        }

        return ConstraintChecks.Apply(input, constraints);
    }

    private static School NewSchool(SimulationInput input, School school, string field) =>
        input.Schools.Any(s => s.Code == school.Code)
            ? throw new InvalidInputException([new(field + ".school.code", $"school '{school.Code}' exists already")])
            : school;

    private static ResidentialArea NewArea(SimulationInput input, ResidentialArea area, string field) =>
        input.Areas.Any(a => a.Code == area.Code)
            ? throw new InvalidInputException([new(field + ".area.code", $"area '{area.Code}' exists already")])
            : area;

    private static SimulationInput Replace(SimulationInput input, string code, string field, Func<School, School> change)
    {
        if (!input.Schools.Any(s => s.Code == code))
        {
            throw new InvalidInputException([new(field + ".school_code", $"unknown school '{code}'")]);
        }

        return input with { Schools = input.Schools.Select(s => s.Code == code ? change(s) : s).ToList() };
    }

    /// <summary>A step at the expansion term (unless one exists or the school opens later), then the extra tracks on every step from it on.</summary>
    private static School Expand(School school, ExpandSchool expand)
    {
        var steps = school.Tracks.ToList();
        if (!steps.Any(s => s.From == expand.From) && steps.LastOrDefault(s => s.From <= expand.From) is { } current)
        {
            steps.Add(current with { From = expand.From });
        }

        return school with
        {
            Tracks = steps
                .OrderBy(s => s.From)
                .Select(s => s.From >= expand.From
                    ? s with { PrimaryTracks = s.PrimaryTracks + expand.AddPrimaryTracks, JuniorTracks = s.JuniorTracks + expand.AddJuniorTracks }
                    : s)
                .ToList(),
        };
    }

    private static SimulationParameters Change(SimulationParameters p, ChangeParameters c) => p with
    {
        PrimaryNormPerThousand = c.PrimaryNormPerThousand ?? p.PrimaryNormPerThousand,
        JuniorNormPerThousand = c.JuniorNormPerThousand ?? p.JuniorNormPerThousand,
        Policy = c.Policy ?? p.Policy,
        MoveCostMetres = c.MoveCostMetres ?? p.MoveCostMetres,
        CatchmentChangeCostMetres = c.CatchmentChangeCostMetres ?? p.CatchmentChangeCostMetres,
        AllowSplitting = c.AllowSplitting ?? p.AllowSplitting,
        CandidateSchools = c.CandidateSchools ?? p.CandidateSchools,
        MaxCandidateDistanceMetres = c.MaxCandidateDistanceMetres ?? p.MaxCandidateDistanceMetres,
        Horizon = c.Horizon ?? p.Horizon,
        ContiguousCatchments = c.ContiguousCatchments ?? p.ContiguousCatchments,
        OpeningFillShare = c.OpeningFillShare ?? p.OpeningFillShare,
    };
}
