using System.Globalization;
using Planning.Engine.Assignment;
using Planning.Engine.Results;
using Planning.Engine.Rules;
using Planning.Engine.Scenarios;
using Planning.Engine.Terms;

namespace Planning.Engine.Simulation;

/// <summary>
/// The planner's pins and locks as the run holds them, term by term, expressed through candidate lists: a
/// pinned area's unit has one candidate, the pinned school; a locked school's areas have only that school,
/// and no other area lists it. A lock's areas are the school's catchment at the start of the lock's first
/// term. Whatever cannot be held is recorded as a <see cref="ConstraintIssue"/> naming the change.
/// </summary>
internal sealed class ConstraintState
{
    private readonly District _district;
    private readonly Dictionary<(int Area, SchoolPart Part), List<(AreaPin Pin, int School)>> _pins = [];
    private readonly List<LockState> _locks;
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private Term _term;

    public ConstraintState(District district, IReadOnlyList<AreaPin> pins, IReadOnlyList<SchoolLock> locks)
    {
        _district = district;
        var areaIndex = Enumerable.Range(0, district.RealAreaCount).ToDictionary(a => district.Areas[a].Code!, StringComparer.Ordinal);
        foreach (var pin in pins.OrderBy(p => p.From).ThenBy(p => p.Change))
        {
            var key = (areaIndex[pin.AreaCode], pin.Part);
            if (!_pins.TryGetValue(key, out var list))
            {
                _pins[key] = list = [];
            }

            list.Add((pin, district.SchoolIndex[pin.SchoolCode]));
        }

        _locks = [.. locks.Select(l => new LockState(l, district.SchoolIndex[l.SchoolCode]))];
    }

    /// <summary>Pins or locks that could not be held this term.</summary>
    public List<ConstraintIssue> Issues { get; } = [];

    public bool Any => _pins.Count > 0 || _locks.Count > 0;

    /// <summary>Starts a term: locks that begin now take the school's catchment as it stands (<paramref name="catchment"/>, per area and level).</summary>
    public void BeginTerm(Term term, int[][] catchment)
    {
        _term = term;
        Issues.Clear();
        _reported.Clear();
        foreach (var state in _locks.Where(l => l.Lock.From <= term))
        {
            state.Members ??= [.. Enumerable.Range(0, catchment.Length).Where(a => catchment[a][(int)state.Lock.Part] == state.School)];
            if (!_district.Teaches(state.School, term, state.Lock.Part))
            {
                Report(new ConstraintIssue(
                    ConstraintIssueKind.NotTaught, state.Lock.Change, null, state.Lock.SchoolCode, state.Lock.Part, null, 0, 0,
                    $"changes[{state.Lock.Change}] locks the catchment of {state.Lock.SchoolCode} for {Grades.Describe(state.Lock.Part)}, but it does not teach them in {term}: its areas are placed by the optimiser this term"));
            }
        }
    }

    /// <summary>The pin holding <paramref name="area"/> at <paramref name="part"/> this term, with the school's index; null when none.</summary>
    public (AreaPin Pin, int School)? PinOf(int area, SchoolPart part) =>
        _pins.TryGetValue((area, part), out var list) && list.LastOrDefault(p => p.Pin.From <= _term) is { Pin: not null } found ? found : null;

    /// <summary>The change holding <paramref name="area"/> at <paramref name="part"/> to one school this term (a pin, else a lock), with the school.</summary>
    public (int Change, int School)? Holder(int area, SchoolPart part)
    {
        if (PinOf(area, part) is { } pin && _district.Teaches(pin.School, _term, part))
        {
            return (pin.Pin.Change, pin.School);
        }

        return MemberOf(area, part) is { } state && _district.Teaches(state.School, _term, part) ? (state.Lock.Change, state.School) : null;
    }

    /// <summary>True when a lock keeps <paramref name="area"/> out of <paramref name="school"/>'s catchment this term.</summary>
    public bool LockedAgainst(int school, SchoolPart part, int area) =>
        _locks.Any(l => l.School == school && l.Lock.Part == part && l.Lock.From <= _term && l.Members is { } m && !m.Contains(area)
            && _district.Teaches(school, _term, part));

    /// <summary>
    /// The candidates the unit of <paramref name="area"/> may have: the pinned school, else the lock's
    /// school, else the usual ones less the schools locked against it. <paramref name="nearestAllowed"/>
    /// gives the nearest school not locked against the area when no usual candidate is left.
    /// </summary>
    public IReadOnlyList<Candidate> Restrict(
        int area, SchoolPart part, IReadOnlyList<Candidate> usual, Func<int, Candidate> candidate, Func<int> nearestAllowed)
    {
        var code = _district.Areas[area].Code;
        if (PinOf(area, part) is { } pin)
        {
            if (_district.Teaches(pin.School, _term, part))
            {
                CheckConflicts(area, part, pin.Pin, pin.School);
                return [candidate(pin.School)];
            }

            Report(new ConstraintIssue(
                ConstraintIssueKind.NotTaught, pin.Pin.Change, code, pin.Pin.SchoolCode, part, null, 0, 0,
                $"changes[{pin.Pin.Change}] pins area {code} to {pin.Pin.SchoolCode} for {Grades.Describe(part)}, but the school does not teach them in {_term}: the optimiser placed the area this term"));
        }

        if (MemberOf(area, part) is { } state && _district.Teaches(state.School, _term, part))
        {
            return [candidate(state.School)];
        }

        if (_locks.Count == 0)
        {
            return usual;
        }

        var allowed = usual.Where(c => !LockedAgainst(c.School, part, area)).ToList();
        if (allowed.Count > 0 || usual.Count == 0)
        {
            return allowed;
        }

        var nearest = nearestAllowed();
        var blocking = _locks.First(l => usual.Any(c => c.School == l.School && LockedAgainst(l.School, part, area)));
        Report(new ConstraintIssue(
            ConstraintIssueKind.NoSchoolLeft, blocking.Lock.Change, code, blocking.Lock.SchoolCode, part, null, 0, 0,
            $"changes[{blocking.Lock.Change}] and any other locks shut every nearby school to area {code} for {Grades.Describe(part)}: it goes to the nearest school that is not locked"));
        return nearest < 0 ? [] : [candidate(nearest)];
    }

    /// <summary>
    /// After the term is placed: every pinned or locked unit whose school ends the term over a grade's
    /// seats or its size limit, one issue per change, school and grade.
    /// </summary>
    public void ReportOverfull(IEnumerable<(int Area, SchoolPart Part, int School, IReadOnlyList<DemandItem> Items)> placed, int[] enrolment)
    {
        var byKey = new SortedDictionary<(int Change, int School, int Grade), List<(int Area, int Pupils)>>();
        foreach (var (area, part, school, items) in placed)
        {
            if (school < 0 || Holder(area, part) is not { } holder || holder.School != school)
            {
                continue;
            }

            var students = SchoolStudents(enrolment, school);
            if (students > _district.SizeLimit(school))
            {
                Add(byKey, (holder.Change, school, 0), area, items.Sum(i => i.Count));
            }

            foreach (var grade in items.GroupBy(i => i.Grade))
            {
                if (enrolment[AssignmentProblem.Slot(school, grade.Key)] > _district.GradeCapacity(school, _term, grade.Key))
                {
                    Add(byKey, (holder.Change, school, grade.Key), area, grade.Sum(i => i.Count));
                }
            }
        }

        foreach (var ((change, school, grade), areas) in byKey)
        {
            var code = _district.Schools[school].Code;
            var part = grade == 0 ? PartOfChange(change) : Grades.PartOf(grade);
            var students = grade == 0
                ? SchoolStudents(enrolment, school)
                : enrolment[AssignmentProblem.Slot(school, grade)];
            var limit = grade == 0 ? _district.SizeLimit(school) : _district.GradeCapacity(school, _term, grade);
            var what = grade == 0 ? $"{code} has {students} students for its limit of {limit}" : $"grade {grade} of {code} has {students} students for {limit} seats";
            var who = areas.Count == 1
                ? $"area {_district.Areas[areas[0].Area].Code ?? "(pupils of unknown area)"} ({areas[0].Pupils} pupils placed this term)"
                : $"{areas.Count} areas ({areas.Sum(a => a.Pupils)} pupils placed this term)";
            var how = _locks.Any(l => l.Lock.Change == change) ? "keeps" : "pins";
            Issues.Add(new ConstraintIssue(
                ConstraintIssueKind.Overfull, change, areas.Count == 1 ? _district.Areas[areas[0].Area].Code : null, code, part,
                grade == 0 ? null : grade, students, limit,
                string.Create(CultureInfo.InvariantCulture, $"{what} in {_term}, {students - limit} too many: changes[{change}] {how} {who} there")));
        }
    }

    /// <summary>A school's students in all grades, from an enrolment laid out by <see cref="AssignmentProblem.Slot"/>.</summary>
    private static int SchoolStudents(int[] enrolment, int school)
    {
        var (first, end) = AssignmentProblem.SlotsOf(school);
        return enrolment[first..end].Sum();
    }

    private static void Add(SortedDictionary<(int, int, int), List<(int Area, int Pupils)>> byKey, (int, int, int) key, int area, int pupils)
    {
        if (!byKey.TryGetValue(key, out var list))
        {
            byKey[key] = list = [];
        }

        list.Add((area, pupils));
    }

    private SchoolPart PartOfChange(int change) =>
        _locks.FirstOrDefault(l => l.Lock.Change == change)?.Lock.Part
        ?? _pins.Values.SelectMany(p => p).First(p => p.Pin.Change == change).Pin.Part;

    private LockState? MemberOf(int area, SchoolPart part) =>
        _locks.FirstOrDefault(l => l.Lock.Part == part && l.Lock.From <= _term && l.Members is { } m && m.Contains(area));

    private void CheckConflicts(int area, SchoolPart part, AreaPin pin, int school)
    {
        var code = _district.Areas[area].Code;
        if (MemberOf(area, part) is { } state && state.School != school)
        {
            Report(new ConstraintIssue(
                ConstraintIssueKind.Conflict, pin.Change, code, pin.SchoolCode, part, null, 0, 0,
                $"changes[{pin.Change}] pins area {code} to {pin.SchoolCode}, but changes[{state.Lock.Change}] keeps it in the locked catchment of {state.Lock.SchoolCode}: the pin holds"));
        }
        else if (LockedAgainst(school, part, area))
        {
            var l = _locks.First(x => x.School == school && x.Lock.Part == part);
            Report(new ConstraintIssue(
                ConstraintIssueKind.Conflict, pin.Change, code, pin.SchoolCode, part, null, 0, 0,
                $"changes[{pin.Change}] pins area {code} to {pin.SchoolCode}, whose catchment changes[{l.Lock.Change}] locks against new areas: the pin holds"));
        }
    }

    private void Report(ConstraintIssue issue)
    {
        if (_reported.Add($"{issue.Kind}/{issue.Change}/{issue.AreaCode}"))
        {
            Issues.Add(issue);
        }
    }

    private sealed class LockState(SchoolLock @lock, int school)
    {
        public SchoolLock Lock { get; } = @lock;

        public int School { get; } = school;

        /// <summary>The catchment's areas when the lock began; null until then.</summary>
        public HashSet<int>? Members { get; set; }
    }
}
