using Planning.Engine.Rules;
namespace Planning.Engine.Inputs;

internal static class InputValidator
{
    public static IReadOnlyList<InputProblem> Validate(SimulationInput input)
    {
        var problems = new List<InputProblem>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var school in input.Schools)
        {
            var at = $"schools[{school.Code}]";
            if (!codes.Add(school.Code))
            {
                problems.Add(new(at + ".code", "duplicate school code"));
            }

            if (school.Tracks.Count == 0)
            {
                problems.Add(new(at + ".tracks", "at least one capacity step is needed"));
            }
            else if (school.Tracks.Zip(school.Tracks.Skip(1)).Any(p => p.First.From >= p.Second.From))
            {
                problems.Add(new(at + ".tracks", "steps must be in ascending order of their term"));
            }

            if (school.Tracks.Any(s => s.PrimaryTracks < 0 || s.JuniorTracks < 0))
            {
                problems.Add(new(at + ".tracks", "tracks must be ≥ 0"));
            }

            if (school.BaseEnrolment.Count != Grades.Count || school.BaseEnrolment.Any(n => n < 0))
            {
                problems.Add(new(at + ".enrolment", "nine counts ≥ 0 are needed, grades 1–9"));
            }

            CheckPoint(problems, at + ".location", school.Location);
        }

        var areaCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var area in input.Areas)
        {
            var at = $"residential_areas[{area.Code}]";
            if (!areaCodes.Add(area.Code))
            {
                problems.Add(new(at + ".code", "duplicate area code"));
            }

            if (area.Population < 0)
            {
                problems.Add(new(at + ".population", "must be ≥ 0"));
            }

            if (area.OccupancyRamp is { } ramp && ramp.Any(v => v is < 0 or > 1 || double.IsNaN(v)))
            {
                problems.Add(new(at + ".occupancy_ramp", "fractions must be in [0, 1]"));
            }

            if (area.BaseStudents is { } students && (students.Count != Grades.Count || students.Any(n => n < 0)))
            {
                problems.Add(new(at + ".students", "nine counts ≥ 0 are needed, grades 1–9"));
            }

            CheckSchool(problems, codes, at + ".school_primary", area.PrimarySchool);
            CheckSchool(problems, codes, at + ".school_junior", area.JuniorSchool);
            CheckPoint(problems, at + ".point", area.Point);
        }

        var p = input.Parameters;
        if (p.Start > p.Horizon)
        {
            problems.Add(new("parameters.horizon", "must not come before the start term"));
        }

        if (p.PrimaryNormPerThousand < 0 || p.JuniorNormPerThousand < 0)
        {
            problems.Add(new("parameters.norms", "students per 1,000 residents must be ≥ 0"));
        }

        foreach (var problem in p.Standard.Problems())
        {
            problems.Add(new("parameters.standard", problem));
        }

        if (p.MoveCostMetres < 0 || p.CatchmentChangeCostMetres < 0 || p.OverflowCostMetres <= 0)
        {
            problems.Add(new("parameters.weights", "costs must be ≥ 0 and the overflow cost > 0"));
        }

        if (!(p.OpeningFillShare is >= 0 and <= 1) || !(p.UnderFillCostMetres >= 0) || double.IsInfinity(p.UnderFillCostMetres))
        {
            problems.Add(new("parameters.opening_fill_share", "the share must be from 0 to 1 and the under-fill cost ≥ 0"));
        }

        if (p.ContiguousCatchments && p.AllowSplitting)
        {
            problems.Add(new("parameters.contiguous_catchments", "needs whole areas: it cannot be asked for together with splitting"));
        }

        if (p.ContiguousCatchments && input.Adjacency is null)
        {
            problems.Add(new("parameters.contiguous_catchments", "needs the areas' adjacency, which this input does not have"));
        }

        if (p.CandidateSchools < 1)
        {
            problems.Add(new("parameters.candidate_schools", "must be ≥ 1"));
        }

        // Written so that NaN fails too (every comparison with it is false).
        if (!(p.Solver.TimeLimitSeconds > 0) || !double.IsFinite(p.Solver.TimeLimitSeconds) || p.Solver.Workers < 1
            || !(p.Solver.RelativeGap >= 0) || !double.IsFinite(p.Solver.RelativeGap) || p.Solver.MaxFreeAreas < 0)
        {
            problems.Add(new("parameters.solver", "a finite time limit > 0, workers ≥ 1, a finite gap ≥ 0 and free areas ≥ 0 are needed"));
        }

        var solver = p.Solver;
        if (solver.CostRounds < 0 || solver.CostRoundAreas < 0 || solver.MaxCostRoundAreas < 0 || solver.MipNodes < 0 || solver.MaxMipAreas < 0
            || !(solver.CostRoundSeconds > 0) || !double.IsFinite(solver.CostRoundSeconds)
            || !(solver.OverflowSeconds > 0) || !double.IsFinite(solver.OverflowSeconds)
            || solver.RegionPupils < 0 || solver.ChainWork < 0 || solver.SchoolMipAreas < 0)
        {
            problems.Add(new("parameters.solver", "cost rounds, their areas and their largest part ≥ 0, MIP nodes and the MIP's largest part ≥ 0, finite work limits > 0 for a round and for the overflow, region pupils ≥ 0, chain work ≥ 0 and a school's MIP areas ≥ 0 are needed"));
        }

        return problems;
    }

    private static void CheckSchool(List<InputProblem> problems, HashSet<string> codes, string field, string? code)
    {
        if (code is not null && !codes.Contains(code))
        {
            problems.Add(new(field, $"unknown school '{code}'"));
        }
    }

    private static void CheckPoint(List<InputProblem> problems, string field, GeoPoint point)
    {
        if (point.Longitude is < -180 or > 180 || point.Latitude is < -90 or > 90
            || double.IsNaN(point.Longitude) || double.IsNaN(point.Latitude))
        {
            problems.Add(new(field, "not a WGS84 longitude/latitude"));
        }
    }
}
