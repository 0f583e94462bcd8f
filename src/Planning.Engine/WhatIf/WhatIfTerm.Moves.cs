using Planning.Engine.Inputs;
using Planning.Engine.Rules;

namespace Planning.Engine.WhatIf;

public sealed partial class WhatIfTerm
{
    /// <summary>Most moves one question may hold.</summary>
    public const int MaxMoves = 1000;

    /// <summary>The moves by index (area, level, school), identical ones once, with every problem found.</summary>
    private (List<(int Area, SchoolPart Part, int School)> Moves, List<InputProblem> Problems) Resolve(IReadOnlyList<WhatIfMove> moves)
    {
        var problems = new List<InputProblem>();
        var resolved = new List<(int Area, SchoolPart Part, int School)>();
        var seen = new Dictionary<(int Area, SchoolPart Part), (int School, int Index)>();
        if (moves.Count > MaxMoves)
        {
            problems.Add(new("moves", $"at most {MaxMoves} moves at once, not {moves.Count}"));
            return (resolved, problems);
        }

        for (var i = 0; i < moves.Count; i++)
        {
            var move = moves[i];
            var field = $"moves[{i}]";
            var knownArea = _areaIndex.TryGetValue(move.AreaCode, out var area);
            if (!knownArea)
            {
                problems.Add(new(field + ".area_code", $"unknown area '{move.AreaCode}' (not in the run)"));
            }

            if (!_schoolIndex.TryGetValue(move.SchoolCode, out var school))
            {
                problems.Add(new(field + ".school_code", $"unknown school '{move.SchoolCode}' (not in the run)"));
                continue;
            }

            var levels = SchoolLevels.PartsOf(_schools[school].Level);
            SchoolPart part;
            if (move.Part is { } asked)
            {
                if (!levels.Contains(asked))
                {
                    problems.Add(new(field + ".school_code", $"'{move.SchoolCode}' is a {_schools[school].Level.ToString().ToLowerInvariant()} school and does not teach {Grades.Describe(asked)}"));
                    continue;
                }

                part = asked;
            }
            else if (levels.Count == 1)
            {
                part = levels[0];
            }
            else
            {
                problems.Add(new(field + ".part", $"is required: '{move.SchoolCode}' is a nine-year school (primary or junior)"));
                continue;
            }

            if (_schools[school].Tracks(part) == 0)
            {
                problems.Add(new(field + ".school_code", $"'{move.SchoolCode}' does not teach {Grades.Describe(part)} in {Term}"));
                continue;
            }

            if (!knownArea)
            {
                continue;
            }

            if (seen.TryGetValue((area, part), out var earlier))
            {
                if (earlier.School != school)
                {
                    problems.Add(new(field, $"disagrees with moves[{earlier.Index}]: area '{move.AreaCode}' cannot go to both '{_schools[earlier.School].Code}' and '{move.SchoolCode}' for {Grades.Describe(part)}"));
                }

                continue;
            }

            seen[(area, part)] = (school, i);
            resolved.Add((area, part, school));
        }

        return (resolved, problems);
    }
}
