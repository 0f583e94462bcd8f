namespace Planning.Engine.Assignment;

/// <summary>
/// Improves a whole-area assignment by moving one area to another of its candidates, or moving one
/// in and pushing another area of that school on to its best other school (a swap when that is the
/// first area's old school). A change is taken when it lowers the overflow, or keeps it and lowers
/// the rest of the cost (travel, moves, changes, under-fill): overflow first, so that a seat found
/// is never given up for shorter trips. Pinned units (one candidate) never move. The work is
/// counted in passes and move evaluations, never in time, so a run repeats exactly.
/// </summary>
internal sealed class LocalSearch
{
    private readonly AssignmentProblem _problem;
    private readonly CandidateTable _table;
    private readonly long[] _cheapest;
    private readonly long[] _gradeLoad;
    private readonly long[] _totalLoad;
    private readonly List<int>[] _unitsAt;
    private readonly int[] _choice;
    private long _workLeft;

    private LocalSearch(AssignmentProblem problem, CandidateTable table, int[] start, long work)
    {
        _problem = problem;
        _table = table;
        _choice = (int[])start.Clone();
        _workLeft = work;
        _gradeLoad = new long[problem.GradeCapacity.Length];
        _totalLoad = new long[problem.SchoolCount];
        _unitsAt = new List<int>[problem.SchoolCount];
        _cheapest = new long[table.Units];
        for (var u = 0; u < table.Units; u++)
        {
            _cheapest[u] = table.Count(u) == 0 ? 0 : table.Cost.AsSpan(table.First[u], table.Count(u)).ToArray().Min();
            if (_choice[u] >= 0)
            {
                Place(u, _choice[u], +1);
            }
        }
    }

    /// <summary>The improved choice per unit (candidate index, −1 for units without candidates).</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="table">Its candidate table.</param>
    /// <param name="start">Candidate index per unit.</param>
    /// <param name="passes">Most passes over the units.</param>
    /// <param name="work">Most move evaluations in all.</param>
    /// <param name="cancellation">Stops early when cancelled.</param>
    public static int[] Improve(AssignmentProblem problem, CandidateTable table, int[] start, int passes, long work, CancellationToken cancellation)
    {
        var search = new LocalSearch(problem, table, start, work);
        for (var pass = 0; pass < passes && search._workLeft > 0 && !cancellation.IsCancellationRequested; pass++)
        {
            var improved = search.MovePass() | search.ChainPass();
            if (!improved)
            {
                break;
            }
        }

        return search._choice;
    }

    private bool MovePass()
    {
        var improved = false;
        for (var u = 0; u < _choice.Length && _workLeft > 0; u++)
        {
            if (_choice[u] < 0 || _table.Count(u) < 2)
            {
                continue;
            }

            var (best, bestDelta) = (-1, Delta.Zero);
            for (var c = 0; c < _table.Count(u); c++)
            {
                if (c != _choice[u] && MoveDelta(u, c) is var delta && delta.CompareTo(bestDelta) < 0)
                {
                    (best, bestDelta) = (c, delta);
                }
            }

            if (best >= 0)
            {
                Move(u, best);
                improved = true;
            }
        }

        return improved;
    }

    // Chains start from areas at a school that overflows or that is not their cheapest: only there can
    // they help, and it keeps the pass short on large districts. Moving u to b and then one of b's
    // areas on to its best other school (u's old school included, which makes a swap).
    private bool ChainPass()
    {
        var improved = false;
        for (var u = 0; u < _choice.Length && _workLeft > 0; u++)
        {
            if (_choice[u] < 0 || _table.Count(u) < 2 || (!Overflows(u) && Cost(u, _choice[u]) == _cheapest[u]))
            {
                continue;
            }

            var uFrom = _choice[u];
            var found = false;
            for (var c = 0; c < _table.Count(u) && !found; c++)
            {
                if (c == uFrom)
                {
                    continue;
                }

                var first = MoveDelta(u, c);
                Move(u, c);
                var at = _unitsAt[School(u, c)];
                for (var i = 0; i < at.Count && !found; i++)
                {
                    var v = at[i];
                    if (v == u || _table.Count(v) < 2)
                    {
                        continue;
                    }

                    var (best, bestDelta) = (-1, Delta.Max);
                    for (var d = 0; d < _table.Count(v); d++)
                    {
                        if (d != _choice[v] && MoveDelta(v, d) is var delta && delta.CompareTo(bestDelta) < 0)
                        {
                            (best, bestDelta) = (d, delta);
                        }
                    }

                    if (best >= 0 && (first + bestDelta).CompareTo(Delta.Zero) < 0)
                    {
                        Move(v, best);
                        found = true;
                    }
                }

                if (!found)
                {
                    Move(u, uFrom);
                }
            }

            improved |= found;
        }

        return improved;
    }

    private bool Overflows(int u)
    {
        var k = _table.First[u] + _choice[u];
        var school = _table.School[k];
        if (_totalLoad[school] > _problem.TotalCapacity[school])
        {
            return true;
        }

        for (var j = _table.GradeFirst[u]; j < _table.GradeFirst[u + 1]; j++)
        {
            var slot = AssignmentProblem.Slot(school, _table.Grade[j]);
            if (_gradeLoad[slot] > _problem.GradeCapacity[slot])
            {
                return true;
            }
        }

        return false;
    }

    private int School(int u, int c) => _table.School[_table.First[u] + c];

    private long Cost(int u, int c) => _table.Cost[_table.First[u] + c];

    private Delta MoveDelta(int u, int to)
    {
        _workLeft--;
        var (a, b) = (School(u, _choice[u]), School(u, to));
        long over = 0;
        for (var j = _table.GradeFirst[u]; j < _table.GradeFirst[u + 1]; j++)
        {
            var (grade, pupils) = (_table.Grade[j], _table.GradePupils[j]);
            over += SlotChange(AssignmentProblem.Slot(a, grade), -pupils) + SlotChange(AssignmentProblem.Slot(b, grade), pupils);
        }

        var n = _table.Pupils[u];
        var under = _problem.UnderFill(a, _totalLoad[a] - n) - _problem.UnderFill(a, _totalLoad[a])
            + _problem.UnderFill(b, _totalLoad[b] + n) - _problem.UnderFill(b, _totalLoad[b]);
        over += AssignmentProblem.Over(_totalLoad[a] - n, _problem.TotalCapacity[a]) - AssignmentProblem.Over(_totalLoad[a], _problem.TotalCapacity[a])
            + AssignmentProblem.Over(_totalLoad[b] + n, _problem.TotalCapacity[b]) - AssignmentProblem.Over(_totalLoad[b], _problem.TotalCapacity[b]);
        return new Delta(over, Cost(u, to) - Cost(u, _choice[u]) + under * _problem.UnderFillCost);
    }

    private long SlotChange(int slot, long pupils) =>
        AssignmentProblem.Over(_gradeLoad[slot] + pupils, _problem.GradeCapacity[slot]) - AssignmentProblem.Over(_gradeLoad[slot], _problem.GradeCapacity[slot]);

    private void Move(int u, int to)
    {
        Place(u, _choice[u], -1);
        _choice[u] = to;
        Place(u, to, +1);
    }

    private void Place(int u, int c, int sign)
    {
        var school = School(u, c);
        for (var j = _table.GradeFirst[u]; j < _table.GradeFirst[u + 1]; j++)
        {
            _gradeLoad[AssignmentProblem.Slot(school, _table.Grade[j])] += sign * _table.GradePupils[j];
        }

        _totalLoad[school] += sign * _table.Pupils[u];
        var at = _unitsAt[school] ??= [];
        if (sign > 0)
        {
            at.Add(u);
        }
        else
        {
            at.Remove(u);
        }
    }

    /// <summary>Change of overflow pupils and of the rest of the cost, compared overflow first.</summary>
    private readonly record struct Delta(long Over, long Cost) : IComparable<Delta>
    {
        public static Delta Zero { get; } = new(0, 0);

        public static Delta Max { get; } = new(long.MaxValue / 4, long.MaxValue / 4);

        public static Delta operator +(Delta x, Delta y) => new(x.Over + y.Over, x.Cost + y.Cost);

        public int CompareTo(Delta other) => Over != other.Over ? Over.CompareTo(other.Over) : Cost.CompareTo(other.Cost);
    }
}
