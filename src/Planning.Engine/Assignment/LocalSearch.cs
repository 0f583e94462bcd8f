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
    private readonly int[] _cheapestAt;
    private readonly long[] _secondCheapest;
    // Per school a block of ten (load, seats) pairs, the school's total first and then grades 1–9:
    // what one move reads lies together in memory.
    private const int Block = 20;
    private readonly long[] _seats;
    private readonly List<int>[] _unitsAt;
    private readonly int[] _choice;

    // The table's and problem's arrays, read in the innermost loops.
    private readonly int[] _first;
    private readonly int[] _school;
    private readonly long[] _cost;
    private readonly int[] _gradeFirst;
    private readonly int[] _grade;
    private readonly long[] _gradePupils;
    private readonly long[] _pupils;
    private long _workLeft;

    private LocalSearch(AssignmentProblem problem, CandidateTable table, int[] start, long work)
    {
        _problem = problem;
        _table = table;
        _choice = (int[])start.Clone();
        _workLeft = work;
        (_first, _school, _cost, _gradeFirst, _grade, _gradePupils, _pupils) =
            (table.First, table.School, table.Cost, table.GradeFirst, table.Grade, table.GradePupils, table.Pupils);
        _seats = new long[problem.SchoolCount * Block];
        for (var school = 0; school < problem.SchoolCount; school++)
        {
            _seats[school * Block + 1] = problem.TotalCapacity[school];
            for (var grade = 1; grade <= 9; grade++)
            {
                _seats[school * Block + 2 * grade + 1] = problem.GradeCapacity[AssignmentProblem.Slot(school, grade)];
            }
        }

        _unitsAt = new List<int>[problem.SchoolCount];
        _cheapest = new long[table.Units];
        _cheapestAt = new int[table.Units];
        _secondCheapest = new long[table.Units];
        for (var u = 0; u < table.Units; u++)
        {
            (_cheapest[u], _cheapestAt[u], _secondCheapest[u]) = TwoCheapest(table.Cost.AsSpan(table.First[u], table.Count(u)));
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

            var (best, bestDelta) = BestMove(u, Change(u, _choice[u], -1), Delta.Zero);

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

                    var leave = Change(v, _choice[v], -1);
                    if (!CanPay(first + leave, v))
                    {
                        // No school of v's can make the chain pay: counted as the evaluations it saves.
                        _workLeft -= _table.Count(v) - 1;
                        continue;
                    }

                    var (best, bestDelta) = BestMove(v, leave, Delta.Max);
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

    /// <summary>
    /// False when no move of <paramref name="v"/> can bring <paramref name="sofar"/> (the chain up to
    /// v leaving its school) below zero: arriving never lowers the overflow, and costs at least v's
    /// cheapest other candidate less what it could fill of an under-filled school.
    /// </summary>
    private bool CanPay(Delta sofar, int v)
    {
        if (sofar.Over != 0)
        {
            return sofar.Over < 0;
        }

        var cheapestOther = _choice[v] == _cheapestAt[v] ? _secondCheapest[v] : _cheapest[v];
        var fill = _problem.UnderFillCost > 0 ? _problem.UnderFillCost * _pupils[v] : 0;
        return sofar.Cost + cheapestOther - fill < 0;
    }

    private bool Overflows(int u)
    {
        var k = _table.First[u] + _choice[u];
        var school = _table.School[k];
        var block = school * Block;
        if (_seats[block] > _seats[block + 1])
        {
            return true;
        }

        for (var j = _table.GradeFirst[u]; j < _table.GradeFirst[u + 1]; j++)
        {
            var at = block + 2 * _grade[j];
            if (_seats[at] > _seats[at + 1])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The least cost, its candidate (the first such), and the least of the others (long.MaxValue / 4 when there are none).</summary>
    private static (long Least, int At, long Second) TwoCheapest(ReadOnlySpan<long> costs)
    {
        var (least, at, second) = (long.MaxValue / 4, -1, long.MaxValue / 4);
        for (var c = 0; c < costs.Length; c++)
        {
            if (costs[c] < least)
            {
                (least, at, second) = (costs[c], c, least);
            }
            else if (costs[c] < second)
            {
                second = costs[c];
            }
        }

        return (costs.Length == 0 ? 0 : least, at, second);
    }

    private int School(int u, int c) => _table.School[_table.First[u] + c];

    private long Cost(int u, int c) => _table.Cost[_table.First[u] + c];

    /// <summary>
    /// The best move of <paramref name="u"/> to another of its candidates if it is below <paramref name="bar"/>, else (−1, bar).
    /// Leaving its school (<paramref name="leave"/>) is the same whatever the destination: priced once, added to each arrival.
    /// </summary>
    private (int Best, Delta Delta) BestMove(int u, Delta leave, Delta bar)
    {
        var (best, bestDelta) = (-1, bar);
        for (var c = 0; c < _table.Count(u); c++)
        {
            if (c == _choice[u])
            {
                continue;
            }

            _workLeft--;
            var delta = leave + Change(u, c, +1);
            if (delta.CompareTo(bestDelta) < 0)
            {
                (best, bestDelta) = (c, delta);
            }
        }

        return (best, bestDelta);
    }

    /// <summary>Moving <paramref name="u"/> from its school to candidate <paramref name="to"/>, priced at the loads of now.</summary>
    private Delta MoveDelta(int u, int to)
    {
        _workLeft--;
        return Change(u, _choice[u], -1) + Change(u, to, +1);
    }

    /// <summary>What adding (<paramref name="sign"/> = +1) or removing (−1) <paramref name="u"/> at candidate <paramref name="c"/> changes, the other loads as they are.</summary>
    private Delta Change(int u, int c, int sign)
    {
        var k = _first[u] + c;
        var school = _school[k];
        var block = school * Block;
        long over = 0;
        for (var j = _gradeFirst[u]; j < _gradeFirst[u + 1]; j++)
        {
            var at = block + 2 * _grade[j];
            var (load, capacity) = (_seats[at], _seats[at + 1]);
            over += AssignmentProblem.Over(load + sign * _gradePupils[j], capacity) - AssignmentProblem.Over(load, capacity);
        }

        var (total, totalSeats, n) = (_seats[block], _seats[block + 1], sign * _pupils[u]);
        over += AssignmentProblem.Over(total + n, totalSeats) - AssignmentProblem.Over(total, totalSeats);
        var cost = sign * _cost[k];
        if (_problem.UnderFillCost > 0)
        {
            cost += (_problem.UnderFill(school, total + n) - _problem.UnderFill(school, total)) * _problem.UnderFillCost;
        }

        return new Delta(over, cost);
    }

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
            _seats[school * Block + 2 * _grade[j]] += sign * _gradePupils[j];
        }

        _seats[school * Block] += sign * _pupils[u];
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
