using System.Numerics;
using Planning.Engine.Rules;

namespace Planning.Engine.Assignment;

/// <summary>
/// Pupils over a limit that the seat max flow's proof does not account for, removed by ejection
/// chains: an area leaves an over-full school; where it arrives over a limit, an area there moves on,
/// and so on, up to <see cref="Depth"/> moves, until the chain lowers the pupils over. Only the pupils
/// over count here, not the cost. The local search's own chains follow the few best arrivals and
/// movers at each step (<see cref="LocalSearch"/>); this search tries every area whose leaving lowers
/// its school's pupils over and every candidate of it, within the prunes in <see cref="Chain"/>, but
/// starts only at the schools the proof leaves open (<see cref="Starts"/>), deepening one move at a
/// time. In the first 100k term 5 pupils over slots the cut does not price, which the local search and
/// SCIP's root left, each have such a chain of 3 or 4 moves; with the default work per school it finds
/// all 5 (BENCHMARKS.md). Work is counted in move evaluations per start school, so a run repeats
/// exactly; what the prunes pass over without weighing (an area that lowers nothing by leaving, a last
/// move by an area too small to pay or to a school that cannot take it) is not counted.
/// </summary>
internal sealed class OverflowChains
{
    /// <summary>Most moves in a chain: in the first 100k term 3 of the 5 pupils need 4 moves (5 not tried).</summary>
    public const int Depth = 4;

    private readonly AssignmentProblem _problem;
    private readonly CandidateTable _table;
    private readonly int[] _choice;
    private readonly long[] _gradeLoad;
    private readonly long[] _totalLoad;
    private readonly List<int>[] _unitsAt;
    private readonly bool[] _moving;

    /// <summary>Per unit, a bit per grade it has pupils in.</summary>
    private readonly int[] _grades;

    /// <summary>Per unit, its most pupils in one grade.</summary>
    private readonly long[] _mostInGrade;

    /// <summary>Per unit, the fewest pupils over its arrival adds at any other candidate, at the loads the search started from.</summary>
    private readonly long[] _leastArrive;

    /// <summary>
    /// Per school, how many areas have left it in the chain being tried or in chains kept: only there
    /// may loads have fallen since <see cref="_leastArrive"/> was taken.
    /// </summary>
    private readonly int[] _lighter;
    private long _workLeft;

    private OverflowChains(AssignmentProblem problem, CandidateTable table, int[] choice)
    {
        (_problem, _table, _choice) = (problem, table, (int[])choice.Clone());
        (_gradeLoad, _totalLoad) = table.Loads(problem, choice);
        _unitsAt = new List<int>[problem.SchoolCount];
        for (var s = 0; s < _unitsAt.Length; s++)
        {
            _unitsAt[s] = [];
        }

        for (var u = 0; u < table.Units; u++)
        {
            if (choice[u] >= 0)
            {
                _unitsAt[School(u, choice[u])].Add(u);
            }
        }

        _moving = new bool[table.Units];
        _lighter = new int[problem.SchoolCount];
        _grades = new int[table.Units];
        _mostInGrade = new long[table.Units];
        _leastArrive = new long[table.Units];
        for (var u = 0; u < table.Units; u++)
        {
            for (var j = table.GradeFirst[u]; j < table.GradeFirst[u + 1]; j++)
            {
                _grades[u] |= 1 << table.Grade[j];
                _mostInGrade[u] = Math.Max(_mostInGrade[u], table.GradePupils[j]);
            }

            _leastArrive[u] = long.MaxValue;
            for (var c = 0; c < table.Count(u) && choice[u] >= 0; c++)
            {
                if (c != choice[u])
                {
                    _leastArrive[u] = Math.Min(_leastArrive[u], Change(u, School(u, c), +1));
                }
            }
        }
    }

    /// <summary>
    /// The schools over a slot or a total that the cut of <paramref name="seats"/> does not price, by
    /// index: there the seat max flow seats everyone, so no proof covers those pupils. (The over-full
    /// schools of regions above their bound, tried too over the 100k horizon, gave 1 pupil for about
    /// 15 s more of search, BENCHMARKS.md.)
    /// </summary>
    public static List<int> Starts(AssignmentProblem problem, CandidateTable table, FlowRelaxation.SeatFlow seats, int[] choice)
    {
        if (seats is not { SlotPriced: { } slotPriced, SchoolPriced: { } schoolPriced })
        {
            throw new ArgumentException("the seat max flow was solved without its cut", nameof(seats));
        }

        var (gradeLoad, totalLoad) = table.Loads(problem, choice);
        var starts = new List<int>();
        for (var s = 0; s < problem.SchoolCount; s++)
        {
            var open = !schoolPriced[s] && totalLoad[s] > problem.TotalCapacity[s];
            var (first, end) = AssignmentProblem.SlotsOf(s);
            for (var slot = first; slot < end; slot++)
            {
                open |= !slotPriced[slot] && gradeLoad[slot] > problem.GradeCapacity[slot];
            }

            if (open)
            {
                starts.Add(s);
            }
        }

        return starts;
    }

    /// <summary>
    /// <paramref name="choice"/> with every chain found from <paramref name="starts"/> applied, or null
    /// when none was. Each start school gets <paramref name="work"/> move evaluations for chains of 1,
    /// then 2, … up to <see cref="Depth"/> moves, taking every chain found until the school has no
    /// pupil over or the work runs out.
    /// </summary>
    public static int[]? Remove(
        AssignmentProblem problem, CandidateTable table, int[] choice, IReadOnlyList<int> starts, long work, CancellationToken cancellation)
    {
        var search = new OverflowChains(problem, table, choice);
        var found = false;
        foreach (var start in starts)
        {
            search._workLeft = work;
            for (var depth = 1; depth <= Depth && search._workLeft > 0 && !cancellation.IsCancellationRequested; depth++)
            {
                while (search.Over(start) > 0 && !cancellation.IsCancellationRequested && search.Chain(start, 0, 1, depth))
                {
                    found = true;
                }
            }
        }

        return found ? search._choice : null;
    }

    /// <summary>
    /// Moves an area away from <paramref name="school"/>, and on from where it arrives, up to
    /// <paramref name="depth"/> moves; true, the moves kept, when the chain lowers the pupils over,
    /// <paramref name="sofar"/> being the change of the moves before. Passed over unweighed, as they
    /// cannot pay: an area with no pupil in a grade over (unless the total is over); at the last move,
    /// an area whose pupils in the grades over (and all its pupils where the total is over) cannot
    /// cover what the chain owes, and a candidate where the area's least arrival at the search's start
    /// already adds as many pupils over as the chain has saved, unless an area has left that school
    /// since. In the first 100k term such last arrivals were over half of a fruitless start's work
    /// (BENCHMARKS.md).
    /// </summary>
    private bool Chain(int school, long sofar, int step, int depth)
    {
        var last = step == depth;
        var (overGrades, totalOver) = OverAt(school);
        var areas = _unitsAt[school];
        for (var i = 0; i < areas.Count && _workLeft > 0; i++)
        {
            var u = areas[i];
            // An area without pupils in a grade over lowers nothing by leaving, unless the total is over.
            if (_moving[u] || _table.Count(u) < 2 || (!totalOver && (_grades[u] & overGrades) == 0))
            {
                continue;
            }

            // The last move must lower the pupils over by more than the chain owes; leaving lowers them
            // by at most the area's pupils in the grades over, and its pupils where the total is over.
            if (last && (totalOver ? _table.Pupils[u] : 0) + (BitOperations.PopCount((uint)(_grades[u] & overGrades)) * _mostInGrade[u]) <= sofar)
            {
                continue;
            }

            _workLeft--;
            var leave = Change(u, school, -1);
            // Arriving never lowers the pupils over: the last move must leave with the chain already paid for.
            if (leave >= 0 || (last && sofar + leave >= 0))
            {
                continue;
            }

            // The last move pays only where it adds fewer pupils over than the chain has saved. Arrivals
            // only cost more where loads have grown since the least was taken: all but schools left.
            var anywhere = !last || _leastArrive[u] < -(sofar + leave);
            for (var k = _table.First[u]; k < _table.First[u + 1]; k++)
            {
                var to = _table.School[k];
                if (to == school || (!anywhere && _lighter[to] == 0))
                {
                    continue;
                }

                if (--_workLeft < 0)
                {
                    return false;
                }

                var arrive = Change(u, to, +1);
                var paid = sofar + leave + arrive < 0;
                // On only where the arrival puts pupils over, and while the chain could still pay if the
                // next move cleared the school it arrives at.
                if (paid || (!last && arrive > 0 && sofar + leave < Over(to)))
                {
                    Place(u, school, -1);
                    Place(u, to, +1);
                    if (paid || Follow(u, school, to, sofar + leave + arrive, step, depth))
                    {
                        _choice[u] = k - _table.First[u];
                        // By value: a deeper move may have left this school too, shifting the list.
                        areas.Remove(u);
                        _unitsAt[to].Add(u);
                        _lighter[school]++;
                        return true;
                    }

                    Place(u, to, -1);
                    Place(u, school, +1);
                }
            }
        }

        return false;
    }

    private bool Follow(int u, int from, int to, long sofar, int step, int depth)
    {
        (_moving[u], _lighter[from]) = (true, _lighter[from] + 1);
        var paid = Chain(to, sofar, step + 1, depth);
        (_moving[u], _lighter[from]) = (false, _lighter[from] - 1);
        return paid;
    }

    /// <summary>The grades (bit per grade) and whether the total of <paramref name="school"/> are over now.</summary>
    private (int Grades, bool Total) OverAt(int school)
    {
        var grades = 0;
        for (var grade = Grades.First; grade <= Grades.Last; grade++)
        {
            var slot = AssignmentProblem.Slot(school, grade);
            grades |= _gradeLoad[slot] > _problem.GradeCapacity[slot] ? 1 << grade : 0;
        }

        return (grades, _totalLoad[school] > _problem.TotalCapacity[school]);
    }

    /// <summary>The change of pupils over <paramref name="school"/>'s limits when <paramref name="u"/> arrives there (<paramref name="sign"/> +1) or leaves (−1).</summary>
    private long Change(int u, int school, int sign)
    {
        var (total, seats) = (_totalLoad[school], _problem.TotalCapacity[school]);
        var change = AssignmentProblem.Over(total + (sign * _table.Pupils[u]), seats) - AssignmentProblem.Over(total, seats);
        for (var j = _table.GradeFirst[u]; j < _table.GradeFirst[u + 1]; j++)
        {
            var slot = AssignmentProblem.Slot(school, _table.Grade[j]);
            var (load, cap) = (_gradeLoad[slot], _problem.GradeCapacity[slot]);
            change += AssignmentProblem.Over(load + (sign * _table.GradePupils[j]), cap) - AssignmentProblem.Over(load, cap);
        }

        return change;
    }

    /// <summary>Pupils over <paramref name="school"/>'s limits now.</summary>
    private long Over(int school)
    {
        var over = AssignmentProblem.Over(_totalLoad[school], _problem.TotalCapacity[school]);
        var (first, end) = AssignmentProblem.SlotsOf(school);
        for (var slot = first; slot < end; slot++)
        {
            over += AssignmentProblem.Over(_gradeLoad[slot], _problem.GradeCapacity[slot]);
        }

        return over;
    }

    private void Place(int u, int school, int sign)
    {
        _totalLoad[school] += sign * _table.Pupils[u];
        for (var j = _table.GradeFirst[u]; j < _table.GradeFirst[u + 1]; j++)
        {
            _gradeLoad[AssignmentProblem.Slot(school, _table.Grade[j])] += sign * _table.GradePupils[j];
        }
    }

    private int School(int u, int c) => _table.School[_table.First[u] + c];
}
