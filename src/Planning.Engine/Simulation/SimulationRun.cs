using Planning.Engine.Assessment;
using Planning.Engine.Assignment;
using Planning.Engine.Inputs;
using Planning.Engine.Results;
using Planning.Engine.Rules;
using Planning.Engine.Spatial;
using Planning.Engine.Terms;

namespace Planning.Engine.Simulation;

/// <summary>The state of one simulation, advanced term by term.</summary>
internal sealed class SimulationRun
{
    private readonly District _district;
    private readonly RunMode _mode;
    private readonly CandidateLists _candidates;
    private readonly CatchmentBuilder _catchments = new();
    private readonly List<List<PupilGroup>> _groups;
    private readonly List<List<PendingPupils>> _basePending;
    private readonly int[][] _catchment;
    private readonly ConstraintState _constraints;
    private readonly AreaGraph? _graph;
    private Term? _previous;

    public SimulationRun(SimulationInput input, RunMode mode)
    {
        _district = new District(input);
        _mode = mode;
        _candidates = new CandidateLists(_district);
        var state = BaseState.Build(_district, Notes);
        _groups = state.Groups;
        _basePending = state.Pending;
        _catchment = _district.Areas.Select(a => (int[])a.BaseSchools.Clone()).ToArray();
        // The "before" run keeps every area where it was: pins and locks are the planner's, for redistribution.
        _constraints = new ConstraintState(_district, mode == RunMode.Redistribute ? input.Pins : [], mode == RunMode.Redistribute ? input.Locks : []);
        _graph = input.Adjacency is { } links ? AreaGraph.Build([.. input.Areas.Select(a => (a.Code, a.Boundary))], [.. input.Schools.Select(s => s.Location)], links) : null;
    }

    public List<string> Notes { get; } = [];

    private SimulationParameters Parameters => _district.Parameters;

    public TermResult Step(Term term, CancellationToken cancellation)
    {
        using var whole = PhaseClock.Start("term, all of it");
        var lap = PhaseClock.Start("term before the solver (candidates, units)");
        _candidates.Prepare(term);
        _constraints.BeginTerm(term, _catchment);
        var counts = new TermCounts();
        var pending = _previous is { } previous ? Progress(term, previous, counts) : _basePending;
        ReleaseUntaught(term, pending);
        if (_mode == RunMode.Redistribute && Parameters.Policy == AssignmentPolicy.Reassign
            && (term.IsAutumn || _previous is null || _district.Schools.Any(s => OpensIn(s, term))))
        {
            ReleaseAll(pending);
        }

        var units = BuildUnits(term, pending);
        lap.Dispose();
        var (problem, solution) = Solve(term, units, cancellation);
        lap = PhaseClock.Start("term after the solver (catchments, report)");
        var plan = ProposeCatchments(term, units, solution);
        IReadOnlyDictionary<(string, SchoolPart, string), string>? reasons = null;
        if (_mode == RunMode.Redistribute && Parameters.ContiguousCatchments && _graph is not null)
        {
            (solution, reasons) = ContiguousSolve.Run(
                new ContiguousSolve.Context(_district, _graph, _constraints, term, problem, Parameters.Solver, cancellation), solution, plan);
        }

        var placed = Apply(term, units, solution, counts);
        var assignments = CommitCatchments(plan);
        if (_constraints.Any)
        {
            _constraints.ReportOverfull(
                units.Select((u, i) => (u.Unit.Area, u.Unit.Part, solution.PerUnit[i].Select(x => x.School).DefaultIfEmpty(-1).First(), u.Unit.Items)),
                TermReport.Enrolment(_district, _groups));
        }

        _previous = term;
        var report = TermReport.Build(_district, term, _groups, placed, assignments, counts, solution.Stats, _catchments, _graph, reasons)
            with { ConstraintIssues = [.. _constraints.Issues] };
        lap.Dispose();
        return report;
    }

    /// <summary>Autumn: grades move up, grade 9 leaves, grade 1 starts. Any term: pupils of new residents arrive.</summary>
    private List<List<PendingPupils>> Progress(Term term, Term previous, TermCounts counts)
    {
        var pending = _groups.Select(_ => new List<PendingPupils>()).ToList();
        for (var a = 0; a < _groups.Count; a++)
        {
            var area = _district.Areas[a].Source;
            if (term.IsAutumn)
            {
                var next = new List<PupilGroup>();
                foreach (var group in _groups[a])
                {
                    if (group.Grade == 9)
                    {
                        counts.Leavers += group.Count;
                    }
                    else if (group.Grade == 6 && !StaysForGradeSeven(group.School, term))
                    {
                        pending[a].Add(new PendingPupils(7, group.School, group.Count, IsTransition: true));
                    }
                    else
                    {
                        next.Add(group with { Grade = group.Grade + 1 });
                    }
                }

                _groups[a] = next;
                var intake = Demography.Intake(area, Parameters, term);
                Add(pending[a], 1, intake);
                counts.Intake += intake;
            }

            for (var grade = term.IsAutumn ? 2 : 1; grade <= Grades.Last; grade++)
            {
                var arrivals = Demography.Arrivals(area, Parameters, term, previous, grade);
                Add(pending[a], grade, arrivals);
                counts.Arrivals += arrivals;
            }
        }

        return pending;
    }

    private static void Add(List<PendingPupils> pending, int grade, int count)
    {
        if (count > 0)
        {
            pending.Add(new PendingPupils(grade, -1, count, false));
        }
    }

    // A school opens at a level when it starts teaching it, whatever its first capacity step says.
    private static bool OpensIn(School school, Term term) =>
        (school.TracksIn(term, SchoolPart.Primary) > 0 && school.TracksIn(term.Previous, SchoolPart.Primary) == 0)
        || (school.TracksIn(term, SchoolPart.Junior) > 0 && school.TracksIn(term.Previous, SchoolPart.Junior) == 0);

    // A nine-year pupil goes on to grade 7 in the same school unless pupils may be reassigned.
    private bool StaysForGradeSeven(int school, Term term) =>
        _district.Teaches(school, term, SchoolPart.Junior)
        && (_mode == RunMode.KeepCurrent || Parameters.Policy == AssignmentPolicy.IntakeOnly);

    /// <summary>Pupils of schools that closed or no longer teach their grade (and pupils without a school) must be placed.</summary>
    private void ReleaseUntaught(Term term, List<List<PendingPupils>> pending)
    {
        for (var a = 0; a < _groups.Count; a++)
        {
            if (!AllTaught(_groups[a], term))
            {
                pending[a].AddRange(_groups[a]
                    .Where(g => !_district.Teaches(g.School, term, Grades.PartOf(g.Grade)))
                    .Select(g => new PendingPupils(g.Grade, g.School, g.Count, false)));
                _groups[a].RemoveAll(g => !_district.Teaches(g.School, term, Grades.PartOf(g.Grade)));
            }
        }
    }

    private bool AllTaught(List<PupilGroup> groups, Term term)
    {
        foreach (var g in groups)
        {
            if (!_district.Teaches(g.School, term, Grades.PartOf(g.Grade)))
            {
                return false;
            }
        }

        return true;
    }

    private void ReleaseAll(List<List<PendingPupils>> pending)
    {
        for (var a = 0; a < _groups.Count; a++)
        {
            pending[a].AddRange(_groups[a].Select(g => new PendingPupils(g.Grade, g.School, g.Count, false)));
            _groups[a].Clear();
        }
    }

    private List<PlacementUnit> BuildUnits(Term term, List<List<PendingPupils>> pending)
    {
        var units = new List<PlacementUnit>();
        for (var a = 0; a < pending.Count; a++)
        {
            foreach (var part in SchoolParts.All)
            {
                var merged = Merge(pending[a], part);
                if (merged.Count == 0)
                {
                    continue;
                }

                var items = merged
                    .Select(p => new DemandItem(p.Grade, _district.Teaches(p.From, term, part) ? p.From : -1, p.Count))
                    .ToList();
                var current = _catchment[a][(int)part];
                IReadOnlyList<Candidate> candidates = _mode == RunMode.KeepCurrent
                    ? KeptSchool(a, part, term) is var kept and >= 0 ? [new Candidate(kept, _district.Distance(a, kept), true)] : []
                    : _constraints.Restrict(
                        a, part, _candidates.For(a, part, term, current, merged),
                        s => new Candidate(s, _district.Distance(a, s), s == current),
                        () => _candidates.ClosestWhere(a, part, s => !_constraints.LockedAgainst(s, part, a)));
                units.Add(new PlacementUnit(new DecisionUnit(a, part, items, candidates), merged));
            }
        }

        return units;
    }

    /// <summary>
    /// The area's pending pupils at <paramref name="part"/>, one entry per grade, school and transition
    /// (counts summed), ordered by grade, then school, then first appearance.
    /// </summary>
    private static List<PendingPupils> Merge(List<PendingPupils> pending, SchoolPart part)
    {
        var merged = new List<PendingPupils>(pending.Count);
        foreach (var p in pending)
        {
            if (Grades.PartOf(p.Grade) != part)
            {
                continue;
            }

            var i = merged.FindIndex(m => m.Grade == p.Grade && m.From == p.From && m.IsTransition == p.IsTransition);
            if (i >= 0)
            {
                merged[i] = merged[i] with { Count = merged[i].Count + p.Count };
            }
            else
            {
                merged.Add(p);
            }
        }

        // Insertion sort: stable, so entries of one grade and school keep their order of first appearance.
        for (var i = 1; i < merged.Count; i++)
        {
            var m = merged[i];
            var j = i - 1;
            for (; j >= 0 && (merged[j].Grade > m.Grade || (merged[j].Grade == m.Grade && merged[j].From > m.From)); j--)
            {
                merged[j + 1] = merged[j];
            }

            merged[j + 1] = m;
        }

        return merged;
    }

    /// <summary>"Before": the area's first-term school while it teaches the level, else last term's, else the nearest.</summary>
    private int KeptSchool(int area, SchoolPart part, Term term)
    {
        var baseSchool = _district.Areas[area].BaseSchools[(int)part];
        if (_district.Teaches(baseSchool, term, part))
        {
            return baseSchool;
        }

        var current = _catchment[area][(int)part];
        return _district.Teaches(current, term, part) ? current : _candidates.Closest(area, part);
    }

    private (AssignmentProblem Problem, AssignmentSolution Solution) Solve(Term term, List<PlacementUnit> units, CancellationToken cancellation)
    {
        var p = Parameters;
        var problem = new AssignmentProblem(
            _district.Schools.Count,
            units.Select(u => u.Unit).ToList(),
            (long)Math.Round(p.MoveCostMetres),
            (long)Math.Round(p.CatchmentChangeCostMetres),
            (long)Math.Round(p.OverflowCostMetres),
            (long)Math.Round(p.UnderFillCostMetres));
        for (var s = 0; s < _district.Schools.Count; s++)
        {
            problem.TotalCapacity[s] = _district.SizeLimit(s);
            for (var grade = Grades.First; grade <= Grades.Last; grade++)
            {
                problem.GradeCapacity[AssignmentProblem.Slot(s, grade)] = _district.GradeCapacity(s, term, grade);
            }
        }

        foreach (var group in _groups.SelectMany(g => g).Where(g => g.School >= 0))
        {
            problem.GradeCapacity[AssignmentProblem.Slot(group.School, group.Grade)] -= group.Count;
            problem.TotalCapacity[group.School] -= group.Count;
        }

        // Pupils who stay may already overfill a school; that is reported, not charged to this term's placements.
        for (var slot = 0; slot < problem.GradeCapacity.Length; slot++)
        {
            problem.GradeCapacity[slot] = Math.Max(0, problem.GradeCapacity[slot]);
        }

        for (var s = 0; s < problem.TotalCapacity.Length; s++)
        {
            problem.TotalCapacity[s] = Math.Max(0, problem.TotalCapacity[s]);
        }

        if (p.OpeningFillShare > 0 && _mode != RunMode.KeepCurrent)
        {
            SetFillTargets(term, problem);
        }

        if (_mode == RunMode.KeepCurrent)
        {
            // One candidate per unit: the relaxation is then the assignment, and it prices the overflow.
            var kept = AssignmentSolver.Solve(problem, allowSplitting: true, p.Solver, cancellation);
            return (problem, units.Count == 0 ? kept : kept with { Stats = kept.Stats with { Method = "kept" } });
        }

        using var lap = PhaseClock.Start("solver, all of it");
        return (problem, AssignmentSolver.Solve(problem, p.AllowSplitting, p.Solver, cancellation));
    }

    /// <summary>
    /// A new or expanded school's fill target in the term it opens or grows: the opening fill share of its
    /// seats, less the pupils already there, but never more than the pupils to place this term who live
    /// nearer to it than to their present catchment school (no one is pulled past a nearer school to fill it).
    /// </summary>
    private void SetFillTargets(Term term, AssignmentProblem problem)
    {
        var nearer = new long[problem.SchoolCount];
        foreach (var unit in problem.Units)
        {
            var present = unit.Candidates.Where(c => c.IsCurrentCatchment).Select(c => c.DistanceMetres).DefaultIfEmpty(long.MaxValue).First();
            foreach (var candidate in unit.Candidates.Where(c => c.DistanceMetres < present))
            {
                nearer[candidate.School] += unit.Pupils;
            }
        }

        var staying = _groups.SelectMany(g => g).Where(g => g.School >= 0).GroupBy(g => g.School).ToDictionary(g => g.Key, g => (long)g.Sum(x => x.Count));
        for (var s = 0; s < problem.SchoolCount; s++)
        {
            var school = _district.Schools[s];
            // The base data's schools are there from the first term: they neither open nor grow then.
            var grows = term > school.Opening
                ? SchoolParts.All.Any(part => school.TracksIn(term, part) > school.TracksIn(term.Previous, part))
                : term == school.Opening && term > Term.Base;
            if (!grows)
            {
                continue;
            }

            var seats = Math.Min(_district.SizeLimit(s), Grades.All.Sum(g => (long)_district.GradeCapacity(s, term, g)));
            var target = (long)Math.Round(Parameters.OpeningFillShare * seats) - staying.GetValueOrDefault(s);
            problem.FillTarget[s] = Math.Clamp(target, 0, nearer[s]);
        }
    }

    /// <summary>Enrols the placed pupils; returns pupils placed per school and area this term.</summary>
    private Dictionary<int, Dictionary<int, int>> Apply(Term term, List<PlacementUnit> units, AssignmentSolution solution, TermCounts counts)
    {
        var placed = new Dictionary<int, Dictionary<int, int>>();
        for (var u = 0; u < units.Count; u++)
        {
            var (unit, pending) = units[u];
            foreach (var allocation in solution.PerUnit[u])
            {
                var from = pending[allocation.Item];
                _groups[unit.Area].Add(new PupilGroup(from.Grade, allocation.School, allocation.Count));
                var forced = from.IsTransition && !_district.Teaches(from.From, term, SchoolPart.Junior);
                if (from.From >= 0 && allocation.School != from.From && !forced)
                {
                    counts.Moved += allocation.Count;
                }

                if (!placed.TryGetValue(allocation.School, out var byArea))
                {
                    placed[allocation.School] = byArea = [];
                }

                byArea[unit.Area] = byArea.GetValueOrDefault(unit.Area) + allocation.Count;
            }
        }

        for (var a = 0; a < _groups.Count; a++)
        {
            _groups[a] = Regroup(_groups[a]);
        }

        return placed;
    }

    /// <summary>One group per grade and school, counts summed, ordered by grade then school (sorts <paramref name="groups"/> when they are not).</summary>
    private static List<PupilGroup> Regroup(List<PupilGroup> groups)
    {
        if (IsRegrouped(groups))
        {
            return groups;
        }

        groups.Sort(ByGradeThenSchool);
        var regrouped = new List<PupilGroup>(groups.Count);
        foreach (var g in groups)
        {
            if (regrouped.Count > 0 && regrouped[^1] is var last && last.Grade == g.Grade && last.School == g.School)
            {
                regrouped[^1] = last with { Count = last.Count + g.Count };
            }
            else
            {
                regrouped.Add(g);
            }
        }

        return regrouped;
    }

    private static int ByGradeThenSchool(PupilGroup x, PupilGroup y) => x.Grade != y.Grade ? x.Grade.CompareTo(y.Grade) : x.School.CompareTo(y.School);

    private static bool IsRegrouped(List<PupilGroup> groups)
    {
        for (var i = 1; i < groups.Count; i++)
        {
            if (ByGradeThenSchool(groups[i - 1], groups[i]) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Each area's school per level: where its pupils were placed this term, otherwise the school a pin or
    /// lock holds it to, otherwise last term's school while it still teaches the level (and no lock keeps
    /// the area out), otherwise the nearest such. Areas not yet lived in have none.
    /// </summary>
    private List<(int School, double Share)>[][] ProposeCatchments(Term term, List<PlacementUnit> units, AssignmentSolution solution)
    {
        var plan = new List<(int School, double Share)>[_district.Areas.Count][];
        for (var u = 0; u < units.Count; u++)
        {
            var unit = units[u].Unit;
            plan[unit.Area] ??= new List<(int, double)>[2];
            plan[unit.Area][(int)unit.Part] = Shares(solution.PerUnit[u]);
        }

        for (var a = 0; a < _district.Areas.Count; a++)
        {
            plan[a] ??= new List<(int, double)>[2];
            var area = _district.Areas[a];
            foreach (var part in SchoolParts.All)
            {
                if (plan[a][(int)part] is not null)
                {
                    continue;
                }

                var lived = area.Source is null || area.Source.OccupancyIn(term) > 0 || _groups[a].Count > 0;
                var current = _catchment[a][(int)part];
                var school = !lived ? -1
                    : _mode == RunMode.KeepCurrent ? KeptSchool(a, part, term)
                    : _constraints.Holder(a, part) is { } held ? held.School
                    : _district.Teaches(current, term, part) && !_constraints.LockedAgainst(current, part, a) ? current
                    : _candidates.ClosestWhere(a, part, s => !_constraints.LockedAgainst(s, part, a));
                plan[a][(int)part] = school >= 0 ? [(school, 1.0)] : [];
            }
        }

        return plan;
    }

    /// <summary>Each school's share of the unit's pupils (of all of them, placed or not), largest first, then by school.</summary>
    private static List<(int School, double Share)> Shares(IReadOnlyList<Allocation> allocations)
    {
        var total = 0;
        var bySchool = new List<(int School, int Pupils)>(1);
        foreach (var x in allocations)
        {
            total += x.Count;
            if (x.School < 0)
            {
                continue;
            }

            var i = bySchool.FindIndex(b => b.School == x.School);
            if (i >= 0)
            {
                bySchool[i] = (x.School, bySchool[i].Pupils + x.Count);
            }
            else
            {
                bySchool.Add((x.School, x.Count));
            }
        }

        var shares = bySchool.ConvertAll(b => (b.School, b.Pupils / (double)total));
        shares.Sort(static (x, y) => y.Item2.CompareTo(x.Item2) is var c and not 0 ? c : x.School.CompareTo(y.School));
        return shares;
    }

    /// <summary>Makes the plan this term's catchments (the next term starts from them) and lists them.</summary>
    private List<AreaAssignment> CommitCatchments(List<(int School, double Share)>[][] plan)
    {
        var assignments = new List<AreaAssignment>();
        for (var a = 0; a < _district.Areas.Count; a++)
        {
            var area = _district.Areas[a];
            foreach (var part in SchoolParts.All)
            {
                var list = plan[a][(int)part];
                if (list.Count > 0)
                {
                    _catchment[a][(int)part] = list[0].School;
                }

                if (area.Code is null)
                {
                    continue;
                }

                assignments.AddRange(list.Select(x => new AreaAssignment(
                    area.Code, part, _district.Schools[x.School].Code, x.Share, area.Point.DistanceTo(_district.Schools[x.School].Location))));
            }
        }

        return assignments;
    }

    private sealed record PlacementUnit(DecisionUnit Unit, List<PendingPupils> Pending);
}
