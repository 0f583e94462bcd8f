using Planning.Engine.Assignment;
using Planning.Engine.Rules;
using Planning.Engine.Spatial;
using Planning.Engine.Terms;

namespace Planning.Engine.Simulation;

/// <summary>
/// Makes a term's catchments contiguous where the data allows, starting from the solver's answer. While a
/// catchment has an enclave (<see cref="Contiguity"/>), the cheapest of these fixes is made, by the exact
/// objective of the term's <see cref="AssignmentProblem"/>: move the enclave to a school whose catchment it
/// borders, or join it to its own school through one bordering area (when that leaves the area's old
/// catchment no more cut up). A fix that would put one more pupil over a limit is never made, nor one that
/// moves a pinned or locked area or breaks a lock. Each fix removes at least one enclave, so it ends; what
/// remains is named with the reason no fix was allowed.
/// </summary>
internal sealed class ContiguityRepair
{
    private readonly District _district;
    private readonly AreaGraph _graph;
    private readonly Term _term;
    private readonly SchoolPart _part;
    private readonly AssignmentProblem _problem;
    private readonly int[] _choice;
    private readonly int[] _school;
    private readonly Dictionary<int, int> _unitOf;
    private readonly Func<int, (int Change, int School)?> _holder;
    private readonly Func<int, int, bool> _lockedAgainst;

    private ContiguityRepair(
        District district, AreaGraph graph, Term term, SchoolPart part, AssignmentProblem problem, int[] choice, int[] school,
        Func<int, (int Change, int School)?> holder, Func<int, int, bool> lockedAgainst)
    {
        _district = district;
        _graph = graph;
        _term = term;
        _part = part;
        _problem = problem;
        _choice = choice;
        _school = school;
        _holder = holder;
        _lockedAgainst = lockedAgainst;
        _unitOf = [];
        for (var u = 0; u < problem.Units.Count; u++)
        {
            if (problem.Units[u].Part == part && problem.Units[u].Area < graph.AreaCount)
            {
                _unitOf[problem.Units[u].Area] = u;
            }
        }
    }

    /// <summary>
    /// Repairs one level in place: <paramref name="choice"/> (candidate per unit) and <paramref name="school"/>
    /// (each real area's catchment school at <paramref name="part"/>, −1 for none) are updated together.
    /// </summary>
    /// <returns>Why each remaining enclave remains, by school code, level and its first area's code.</returns>
    public static Dictionary<(string School, SchoolPart Part, string FirstArea), string> Run(
        District district, AreaGraph graph, Term term, SchoolPart part, AssignmentProblem problem, int[] choice, int[] school,
        Func<int, (int Change, int School)?> holder, Func<int, int, bool> lockedAgainst)
    {
        var repair = new ContiguityRepair(district, graph, term, part, problem, choice, school, holder, lockedAgainst);
        return repair.Repair();
    }

    private Dictionary<(string, SchoolPart, string), string> Repair()
    {
        var (cost, overflow) = WholeAreaCost.Measure(_problem, _choice);
        var reasons = new Dictionary<(string, SchoolPart, string), string>();
        while (true)
        {
            var pieces = Pieces();
            reasons.Clear();
            Fix? best = null;
            foreach (var (s, piece) in pieces)
            {
                foreach (var enclave in piece.Enclaves)
                {
                    var why = new Reasons();
                    foreach (var fix in Fixes(s, enclave, pieces, why))
                    {
                        var choice = Apply(fix, (int[])_choice.Clone(), null);
                        var (newCost, newOverflow) = WholeAreaCost.Measure(_problem, choice);
                        if (newOverflow > overflow)
                        {
                            why.Seats.Add(fix.Describe(_district));
                            continue;
                        }

                        var candidate = fix with { Delta = newCost - cost };
                        if (best is null || candidate.Delta < best.Delta || (candidate.Delta == best.Delta && candidate.Moves.Count < best.Moves.Count))
                        {
                            best = candidate;
                        }
                    }

                    reasons[(_district.Schools[s].Code, _part, _district.Areas[enclave[0]].Code!)] = why.Text(_district, _part, _term, enclave, _graph);
                }
            }

            if (best is null)
            {
                return reasons;
            }

            Apply(best, _choice, _school);
            (cost, overflow) = WholeAreaCost.Measure(_problem, _choice);
        }
    }

    /// <summary>Every catchment at the level: its main piece (with the site) and its enclaves.</summary>
    private Dictionary<int, Piece> Pieces()
    {
        var result = new Dictionary<int, Piece>();
        foreach (var group in Enumerable.Range(0, _school.Length).Where(a => _school[a] >= 0).GroupBy(a => _school[a]))
        {
            var site = _graph.SiteOf(group.Key);
            var (main, enclaves) = Contiguity.Pieces(_graph, group.ToList(), site);
            var connected = new HashSet<int>(main);
            if (site >= 0)
            {
                connected.Add(site);
            }

            result[group.Key] = new Piece(connected, enclaves);
        }

        return result;
    }

    /// <summary>The fixes of one enclave that move no held area; what rules the others out goes to <paramref name="why"/>.</summary>
    private IEnumerable<Fix> Fixes(int school, IReadOnlyList<int> enclave, Dictionary<int, Piece> pieces, Reasons why)
    {
        if (enclave.Select(a => _holder(a)).FirstOrDefault(h => h is not null) is { } held)
        {
            why.Held = held.Change;
            yield break;
        }

        var border = enclave.SelectMany(a => _graph.Neighbours(a)).Where(n => !enclave.Contains(n)).Distinct().Order().ToList();
        why.HasNeighbours = border.Count > 0 || enclave.Any(a => _graph.Neighbours(a).Count > 0);

        // Move the enclave to a school whose catchment (or site) it borders.
        var targets = pieces.Where(p => p.Key != school && (border.Any(p.Value.Main.Contains) || enclave.Any(p.Value.Main.Contains)))
            .Select(p => p.Key).Order();
        foreach (var target in targets)
        {
            if (!_district.Teaches(target, _term, _part))
            {
                continue;
            }

            why.Bordering.Add(target);
            if (enclave.Any(a => _lockedAgainst(target, a)))
            {
                why.Locked.Add(target);
                continue;
            }

            if (enclave.Any(a => !Reaches(a, target)))
            {
                why.NotCandidate.Add(target);
                continue;
            }

            yield return new Fix([.. enclave.Select(a => (a, target))], 0);
        }

        // Join it to its own school through one area between.
        var main = pieces[school].Main;
        foreach (var bridge in border.Where(x => _school[x] != school && _graph.Neighbours(x).Any(main.Contains)))
        {
            if (_holder(bridge) is not null || _lockedAgainst(school, bridge) || !Reaches(bridge, school))
            {
                continue;
            }

            var from = _school[bridge];
            if (from >= 0 && pieces.TryGetValue(from, out var old))
            {
                var site = _graph.SiteOf(from);
                var rest = old.Main.Concat(old.Enclaves.SelectMany(e => e)).Where(a => a != bridge && a != site).ToList();
                if (Contiguity.Pieces(_graph, rest, site).Enclaves.Count > old.Enclaves.Count)
                {
                    continue;
                }
            }

            yield return new Fix([(bridge, school)], 0);
        }
    }

    /// <summary>True when <paramref name="area"/> may go to <paramref name="target"/>: one of its unit's candidates, or any teaching school when it places nobody this term.</summary>
    private bool Reaches(int area, int target) =>
        _unitOf.TryGetValue(area, out var u) ? _problem.Units[u].Candidates.Any(c => c.School == target) : _district.Teaches(target, _term, _part);

    private int[] Apply(Fix fix, int[] choice, int[]? school)
    {
        foreach (var (area, target) in fix.Moves)
        {
            if (_unitOf.TryGetValue(area, out var u))
            {
                choice[u] = _problem.Units[u].Candidates.ToList().FindIndex(c => c.School == target);
            }

            if (school is not null)
            {
                school[area] = target;
            }
        }

        return choice;
    }

    private sealed record Piece(HashSet<int> Main, IReadOnlyList<IReadOnlyList<int>> Enclaves);

    /// <summary>Areas to move and where; <paramref name="Delta"/> is the change of the objective.</summary>
    private sealed record Fix(IReadOnlyList<(int Area, int School)> Moves, long Delta)
    {
        public string Describe(District district) => Moves.Count == 1 && Moves[0].Area >= 0
            ? $"{district.Areas[Moves[0].Area].Code} to {district.Schools[Moves[0].School].Code}"
            : $"{Moves.Count} areas to {district.Schools[Moves[0].School].Code}";
    }

    /// <summary>What ruled out each fix of one enclave.</summary>
    private sealed class Reasons
    {
        public int? Held { get; set; }

        public bool HasNeighbours { get; set; }

        public SortedSet<int> Bordering { get; } = [];

        public SortedSet<int> Locked { get; } = [];

        public SortedSet<int> NotCandidate { get; } = [];

        public List<string> Seats { get; } = [];

        public string Text(District district, SchoolPart part, Term term, IReadOnlyList<int> enclave, AreaGraph graph)
        {
            string Codes(IEnumerable<int> schools) => string.Join(", ", schools.Select(s => district.Schools[s].Code));
            if (Held is { } change)
            {
                return $"held there by changes[{change}] (a pin or lock)";
            }

            if (Seats.Count > 0)
            {
                return $"every fix would put pupils over a limit (moving {string.Join("; ", Seats.Take(3))})";
            }

            if (NotCandidate.Count > 0)
            {
                return $"the bordering schools ({Codes(NotCandidate)}) are not among its areas' candidate schools (too far)";
            }

            if (Locked.Count > 0)
            {
                return $"the bordering schools ({Codes(Locked)}) are locked against new areas";
            }

            if (!HasNeighbours && enclave.All(a => graph.Neighbours(a).Count == 0))
            {
                return "its areas border no other area in the data (an island)";
            }

            return $"no school whose catchment borders it teaches {Grades.Describe(part)} in {term}, and no area between joins it to its own";
        }
    }
}
