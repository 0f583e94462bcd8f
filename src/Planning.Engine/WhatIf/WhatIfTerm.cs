using Planning.Engine.Assignment;
using Planning.Engine.Inputs;
using Planning.Engine.Results;
using Planning.Engine.Rules;
using Planning.Engine.Spatial;
using Planning.Engine.Terms;

namespace Planning.Engine.WhatIf;

/// <summary>
/// One term of a finished run, indexed once so that a planner's moves can be answered while the mouse
/// moves: a move sends every pupil of the area at the level, wherever the run placed them, and the area's
/// catchment to the school. Answers are exact for that term: enrolment, classes and seats per grade, the
/// size and class limits (Standard), distances (great circle, as the run measured them) and the pieces of
/// each catchment that changed (<see cref="Contiguity"/>). Immutable and safe to share between threads.
/// </summary>
public sealed partial class WhatIfTerm
{
    private readonly Standard _standard;
    private readonly IReadOnlyList<WhatIfSchool> _schools;
    private readonly IReadOnlyList<WhatIfArea> _areas;
    private readonly Dictionary<string, int> _schoolIndex;
    private readonly Dictionary<string, int> _areaIndex;
    private readonly int[] _enrolment;
    private readonly List<(int Grade, int School, int Count)>[] _placed;
    private readonly int[][] _catchment;
    private readonly AreaGraph? _graph;
    private readonly double _travel;
    private readonly double _maxDistance;
    private readonly int _travellers;

    /// <param name="term">The term.</param>
    /// <param name="standard">The limits the run was computed under.</param>
    /// <param name="schools">Every school of the run, with its tracks in the term.</param>
    /// <param name="areas">Every area of the run.</param>
    /// <param name="placements">The run's pupils per area, grade and school in the term (area null for pupils of unknown area).</param>
    /// <param name="catchments">Each area's catchment school per level in the term (the largest share when split).</param>
    /// <param name="adjacency">The areas' adjacency the run had, or null.</param>
    public WhatIfTerm(
        Term term,
        Standard standard,
        IReadOnlyList<WhatIfSchool> schools,
        IReadOnlyList<WhatIfArea> areas,
        IReadOnlyList<Placement> placements,
        IReadOnlyList<AreaAssignment> catchments,
        IReadOnlyList<AreaLink>? adjacency)
    {
        Term = term;
        _standard = standard;
        _schools = schools;
        _areas = areas;
        _schoolIndex = schools.Select((s, i) => (s.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        _areaIndex = areas.Select((a, i) => (a.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        _enrolment = new int[schools.Count * Grades.Count];
        _placed = [.. areas.Select(_ => new List<(int, int, int)>())];
        foreach (var p in placements)
        {
            if (!_schoolIndex.TryGetValue(p.SchoolCode, out var school))
            {
                continue;
            }

            _enrolment[AssignmentProblem.Slot(school, p.Grade)] += p.Students;
            if (p.AreaCode is { } code && _areaIndex.TryGetValue(code, out var area))
            {
                _placed[area].Add((p.Grade, school, p.Students));
                var metres = Distance(area, school);
                _travel += metres * p.Students;
                _travellers += p.Students;
                _maxDistance = Math.Max(_maxDistance, metres);
            }
        }

        _catchment = [.. areas.Select(_ => new[] { -1, -1 })];
        foreach (var group in catchments.GroupBy(c => (c.AreaCode, c.Part)))
        {
            if (_areaIndex.TryGetValue(group.Key.AreaCode, out var area) && _schoolIndex.TryGetValue(group.MaxBy(c => c.Share)!.SchoolCode, out var school))
            {
                _catchment[area][(int)group.Key.Part] = school;
            }
        }

        _graph = adjacency is null ? null : AreaGraph.Build([.. areas.Select(a => (a.Code, a.Boundary))], [.. schools.Select(s => s.Location)], adjacency);
    }

    public Term Term { get; }

    /// <summary>Every problem with the moves, each naming its field (<c>moves[3].school_code</c>); empty when they can be evaluated.</summary>
    public IReadOnlyList<InputProblem> Check(IReadOnlyList<WhatIfMove> moves) => Resolve(moves).Problems;

    /// <summary>The consequences of <paramref name="moves"/>; identical moves count once.</summary>
    /// <exception cref="InvalidInputException">A move names an unknown area or school, a school that does not teach the level in the term, or disagrees with another move.</exception>
    public WhatIfResult Evaluate(IReadOnlyList<WhatIfMove> moves)
    {
        var (resolved, problems) = Resolve(moves);
        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }

        var enrolment = (int[])_enrolment.Clone();
        var catchmentChanges = new HashSet<(int School, SchoolPart Part)>();
        var schoolsTouched = new SortedSet<int>();
        var areaRows = new List<WhatIfAreaChange>();
        var moved = 0;
        var travel = _travel;
        var movedAreas = new Dictionary<(int Area, SchoolPart Part), int>();
        foreach (var (area, part, target) in resolved)
        {
            movedAreas[(area, part)] = target;
            var pupils = _placed[area].Where(p => Grades.PartOf(p.Grade) == part).ToList();
            var count = pupils.Sum(p => p.Count);
            var movedHere = 0;
            foreach (var (grade, school, n) in pupils)
            {
                enrolment[AssignmentProblem.Slot(school, grade)] -= n;
                enrolment[AssignmentProblem.Slot(target, grade)] += n;
                travel += n * (Distance(area, target) - Distance(area, school));
                schoolsTouched.Add(school);
                if (school != target)
                {
                    movedHere += n;
                }
            }

            moved += movedHere;
            var from = _catchment[area][(int)part];
            if (from != target)
            {
                catchmentChanges.Add((target, part));
                if (from >= 0)
                {
                    catchmentChanges.Add((from, part));
                    schoolsTouched.Add(from);
                }
            }

            schoolsTouched.Add(target);
            var before = count > 0 ? pupils.Sum(p => p.Count * Distance(area, p.School)) / count : from >= 0 ? Distance(area, from) : 0;
            areaRows.Add(new WhatIfAreaChange(
                _areas[area].Code, part, from >= 0 ? _schools[from].Code : null, _schools[target].Code, count, movedHere, before, Distance(area, target)));
        }

        var max = MaxDistance(movedAreas);
        var schools = schoolsTouched.Select(s => Change(s, enrolment)).OrderBy(s => s.SchoolCode, StringComparer.Ordinal).ToList();
        var catchments = catchmentChanges.OrderBy(c => _schools[c.School].Code, StringComparer.Ordinal).ThenBy(c => c.Part)
            .Select(c => Catchment(c.School, c.Part, movedAreas)).ToList();
        return new WhatIfResult(
            Term, schools, areaRows, catchments, moved,
            new DistanceStats(null, _travellers, _travellers == 0 ? 0 : _travel / _travellers, _maxDistance),
            new DistanceStats(null, _travellers, _travellers == 0 ? 0 : travel / _travellers, max),
            _graph is not null);
    }

    private double Distance(int area, int school) => _areas[area].Point.DistanceTo(_schools[school].Location);

    private double MaxDistance(Dictionary<(int Area, SchoolPart Part), int> moves)
    {
        var max = 0.0;
        for (var a = 0; a < _placed.Length; a++)
        {
            foreach (var (grade, school, _) in _placed[a])
            {
                var at = moves.TryGetValue((a, Grades.PartOf(grade)), out var target) ? target : school;
                max = Math.Max(max, Distance(a, at));
            }
        }

        return max;
    }

    private WhatIfSchoolChange Change(int school, int[] after)
    {
        var before = Result(school, _enrolment);
        var now = Result(school, after);
        return new WhatIfSchoolChange(before, now, [.. Violation.LimitsOf(before)], [.. Violation.LimitsOf(now)]);
    }

    private SchoolTermResult Result(int s, int[] enrolment)
    {
        var school = _schools[s];
        var grades = new List<GradeResult>();
        for (var grade = Grades.First; grade <= Grades.Last; grade++)
        {
            var students = enrolment[AssignmentProblem.Slot(s, grade)];
            var tracks = school.Tracks(Grades.PartOf(grade));
            if (students != 0 || tracks != 0)
            {
                grades.Add(GradeResult.Of(grade, students, tracks, _standard.ClassLimit(grade)));
            }
        }

        return new SchoolTermResult(
            school.Code, school.PrimaryTracks + school.JuniorTracks > 0, grades.Sum(g => g.Students), _standard.SizeLimit(school.Level),
            school.PrimaryTracks, school.JuniorTracks, grades);
    }

    private WhatIfCatchmentChange Catchment(int school, SchoolPart part, Dictionary<(int Area, SchoolPart Part), int> moves)
    {
        var before = Enumerable.Range(0, _areas.Count).Where(a => _catchment[a][(int)part] == school).ToList();
        var after = Enumerable.Range(0, _areas.Count)
            .Where(a => (moves.TryGetValue((a, part), out var target) ? target : _catchment[a][(int)part]) == school).ToList();
        if (_graph is null)
        {
            return new WhatIfCatchmentChange(_schools[school].Code, part, before.Count, after.Count, 0, 0, []);
        }

        var site = _graph.SiteOf(school);
        var (_, enclavesBefore) = Contiguity.Pieces(_graph, before, site);
        var (_, enclavesAfter) = Contiguity.Pieces(_graph, after, site);
        return new WhatIfCatchmentChange(
            _schools[school].Code, part, before.Count, after.Count,
            before.Count == 0 ? 0 : enclavesBefore.Count + 1,
            after.Count == 0 ? 0 : enclavesAfter.Count + 1,
            [.. enclavesAfter.Select(e => (IReadOnlyList<string>)[.. e.Select(a => _areas[a].Code)])]);
    }
}
