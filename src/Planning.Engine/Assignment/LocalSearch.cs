using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Planning.Engine.Rules;

namespace Planning.Engine.Assignment;

/// <summary>
/// Improves a whole-area assignment by moving one area to another of its candidates, or moving one
/// in and pushing another area of that school on to its best other school (a swap when that is the
/// first area's old school). A change is taken when it lowers the overflow, or keeps it and lowers
/// the rest of the cost (travel, moves, changes, under-fill): overflow first, so that a seat found
/// is never given up for shorter trips. When neither helps, chains of up to three moves start from
/// over-full schools (<see cref="EjectionPass"/>). Pinned units (one candidate) never move. The work is
/// counted in passes and move evaluations, never in time, so a run repeats exactly. A unit whose
/// neighbourhood has not changed since its last fruitless look is not looked at again but charged
/// that look's work, so skipping changes neither the answer nor where the work runs out; a second
/// run (after CP-SAT, in parts it takes whole) skips what the first left unchanged.
/// </summary>
internal sealed class LocalSearch
{
    private readonly AssignmentProblem _problem;
    private readonly CandidateTable _table;
    private readonly long[] _cheapest;
    private readonly int[] _cheapestAt;
    private readonly long[] _secondCheapest;
    // Per school its free seats (seats − load) and per unit its pupils, each in twelve lanes: the
    // total first, then grades 1–9, then two that never bind. A move's pupils over are then three
    // vector steps, and what it reads lies together in memory.
    private const int Lanes = 12;
    private const int Vectors = Lanes / 4;
    private const long NeverBinds = long.MaxValue / 4;
    private readonly long[] _free;
    private readonly long[] _seats;
    private readonly long[] _lanes;
    private readonly List<int>[] _unitsAt;
    private readonly int[] _choice;

    // Per unit in the caller's numbering, its number here (see the constructor).
    private readonly int[] _inside;

    // The table's and problem's arrays, read in the innermost loops.
    private readonly int[] _first;
    private readonly int[] _school;
    private readonly long[] _cost;
    private readonly long[] _pupils;
    private long _workLeft;

    // Skipping units whose neighbourhood did not change (see Clean): a stamp per committed change,
    // when each school's neighbourhood last changed, and when each unit's last fruitless look ended.
    private readonly bool _skipUnchanged;
    private readonly int[] _withCandidateFirst;
    private readonly int[] _withCandidate;
    private readonly long[] _touched;
    private readonly long[] _moveLooked;
    private readonly long[] _chainLooked;
    private readonly long[] _chainWork;
    private readonly long[] _ejectLooked;
    private long _stamp = 1;
    private bool _ran;

    /// <summary>Work (move evaluations) the last run did, skipped looks charged (for tests).</summary>
    internal long WorkDone { get; private set; }

    /// <summary>Looks skipped so far, in all runs (for tests).</summary>
    internal long Skipped { get; private set; }

    private LocalSearch(AssignmentProblem problem, CandidateTable table, bool skipUnchanged, bool nearLayout)
    {
        _skipUnchanged = skipUnchanged;
        _problem = problem;
        // Units numbered here in near order (AssignmentProblem.NearOrder), for speed alone: every pass
        // still visits them in the caller's order, and so do the lists of the units now at each school,
        // so the answer is the one the caller's numbering gives.
        var order = nearLayout ? problem.NearOrder : [.. Enumerable.Range(0, table.Units)];
        _inside = new int[order.Count];
        for (var i = 0; i < order.Count; i++)
        {
            _inside[order[i]] = i;
        }

        table = table.Reordered(order);
        _table = table;
        (_first, _school, _cost, _pupils) = (table.First, table.School, table.Cost, table.Pupils);
        _choice = new int[table.Units];
        _seats = new long[problem.SchoolCount * Lanes];
        for (var school = 0; school < problem.SchoolCount; school++)
        {
            _seats[school * Lanes] = problem.TotalCapacity[school];
            for (var grade = Grades.First; grade <= Grades.Last; grade++)
            {
                _seats[school * Lanes + grade] = problem.GradeCapacity[AssignmentProblem.Slot(school, grade)];
            }

            _seats[school * Lanes + 10] = _seats[school * Lanes + 11] = NeverBinds;
        }

        _free = (long[])_seats.Clone();
        _lanes = new long[table.Units * Lanes];
        for (var u = 0; u < table.Units; u++)
        {
            _lanes[u * Lanes] = table.Pupils[u];
            for (var j = table.GradeFirst[u]; j < table.GradeFirst[u + 1]; j++)
            {
                _lanes[u * Lanes + table.Grade[j]] = table.GradePupils[j];
            }
        }

        _unitsAt = new List<int>[problem.SchoolCount];
        _cheapest = new long[table.Units];
        _cheapestAt = new int[table.Units];
        _secondCheapest = new long[table.Units];
        for (var u = 0; u < table.Units; u++)
        {
            (_cheapest[u], _cheapestAt[u], _secondCheapest[u]) = TwoCheapest(table.Cost.AsSpan(table.First[u], table.Count(u)));
        }

        (_withCandidateFirst, _withCandidate) = table.UnitsBySchool(problem.SchoolCount);
        _touched = new long[problem.SchoolCount];
        _ejectLooked = new long[table.Units];
        _moveLooked = new long[skipUnchanged ? table.Units : 0];
        _chainLooked = new long[skipUnchanged ? table.Units : 0];
        _chainWork = new long[skipUnchanged ? table.Units : 0];
    }

    /// <summary>The improved choice per unit (candidate index, −1 for units without candidates).</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="table">Its candidate table.</param>
    /// <param name="start">Candidate index per unit.</param>
    /// <param name="passes">Most passes over the units.</param>
    /// <param name="work">Most move evaluations in all.</param>
    /// <param name="cancellation">Stops early when cancelled.</param>
    public static int[] Improve(AssignmentProblem problem, CandidateTable table, int[] start, int passes, long work, CancellationToken cancellation) =>
        For(problem, table).Run(start, passes, work, cancellation);

    /// <summary>
    /// A search to <see cref="Run"/> one or more times on the problem. Each run looks again only at
    /// units whose neighbourhood changed since their last fruitless look, in this run or an earlier
    /// one (<see cref="Clean"/>); a unit skipped is charged the work its look took, so every run
    /// ends exactly where a fresh search from the same start would.
    /// </summary>
    /// <param name="problem">The problem.</param>
    /// <param name="table">Its candidate table.</param>
    /// <param name="skipUnchanged">False looks at every unit in every move and chain pass (only to test that the skipping changes nothing).</param>
    /// <param name="nearLayout">False keeps the units in the caller's numbering in memory too (only to test that the near order changes nothing).</param>
    public static LocalSearch For(AssignmentProblem problem, CandidateTable table, bool skipUnchanged = true, bool nearLayout = true) => new(problem, table, skipUnchanged, nearLayout);

    /// <summary>The improved choice per unit from <paramref name="start"/>; see <see cref="Improve"/>.</summary>
    public int[] Run(int[] start, int passes, long work, CancellationToken cancellation)
    {
        Reset(start);
        _workLeft = work;
        for (var pass = 0; pass < passes && _workLeft > 0 && !cancellation.IsCancellationRequested; pass++)
        {
            var improved = MovePass() | ChainPass() || EjectionPass();
            if (!improved)
            {
                break;
            }
        }

        WorkDone = work - _workLeft;
        return [.. _inside.Select(u => _choice[u])];
    }

    /// <summary>
    /// Free seats and school lists as a fresh search from <paramref name="start"/> has them (lists in the caller's unit
    /// order); every unit whose choice differs from the last run's end counts as a change.
    /// </summary>
    private void Reset(int[] start)
    {
        var previous = (int[])_choice.Clone();
        for (var i = 0; i < _inside.Length; i++)
        {
            _choice[_inside[i]] = start[i];
        }

        // The ejection pass's memo is the search's own rule, not charged work: a new run starts it afresh.
        Array.Clear(_ejectLooked);
        Array.Copy(_seats, _free, _seats.Length);

        foreach (var list in _unitsAt)
        {
            list?.Clear();
        }

        foreach (var u in _inside)
        {
            if (_choice[u] >= 0)
            {
                Place(u, _choice[u], +1);
            }
        }

        if (!_ran)
        {
            _ran = true;
            return;
        }

        foreach (var u in _inside)
        {
            if (previous[u] != _choice[u])
            {
                if (previous[u] >= 0)
                {
                    Touch(School(u, previous[u]));
                }

                if (_choice[u] >= 0)
                {
                    Touch(School(u, _choice[u]));
                }
            }
        }
    }

    private bool MovePass()
    {
        var improved = false;
        for (var given = 0; given < _inside.Length && _workLeft > 0; given++)
        {
            var u = _inside[given];
            if (_choice[u] < 0 || _table.Count(u) < 2)
            {
                continue;
            }

            if (_skipUnchanged && Clean(u, _moveLooked[u]))
            {
                _workLeft -= _table.Count(u) - 1;
                Skipped++;
                continue;
            }

            var (best, _) = BestMove(u, Change(u, _choice[u], -1), Delta.Zero);
            if (best >= 0)
            {
                var from = _choice[u];
                Move(u, best);
                Changed(u, from);

                improved = true;
            }
            else if (_skipUnchanged)
            {
                _moveLooked[u] = _stamp;
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
        for (var given = 0; given < _inside.Length && _workLeft > 0; given++)
        {
            var u = _inside[given];
            if (_choice[u] < 0 || _table.Count(u) < 2 || (!Overflows(u) && Cost(u, _choice[u]) == _cheapest[u]))
            {
                continue;
            }

            var uFrom = _choice[u];
            if (_skipUnchanged && Clean(u, _chainLooked[u]))
            {
                // Looking again would find nothing, as last time: only its work, and u's place at
                // the end of its school's list (where trying each school and coming back leaves it).
                _workLeft -= _chainWork[u];
                Skipped++;
                var list = _unitsAt[School(u, uFrom)];
                list.Remove(u);
                list.Add(u);
                continue;
            }

            var workBefore = _workLeft;
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
                        Touch(School(u, uFrom));
                        Touch(School(u, c));
                        Touch(School(v, best));
                    }
                }

                if (!found)
                {
                    Move(u, uFrom);
                }
            }

            improved |= found;
            if (!found && _skipUnchanged)
            {
                (_chainLooked[u], _chainWork[u]) = (_stamp, workBefore - _workLeft);
            }
        }

        return improved;
    }

    // Ejection chains, tried once no move or chain helps: an area leaves an over-full school, and
    // where its arrival puts its new school over a limit, an area there moves on, up to
    // EjectionDepth moves. Each step follows the EjectionWidth best arrivals, and the
    // EjectionMovers areas there with the best moves of their own; wider costs more than it finds
    // at 100k (BENCHMARKS.md). Taken when the whole chain lowers the overflow (or keeps it and
    // lowers the cost). A fruitless try is repeated only after a change within two schools of the
    // area (Clean), so a chain that a change three steps away opens may wait for another one.
    private const int EjectionDepth = 3;
    private const int EjectionWidth = 3;
    private const int EjectionMovers = 6;

    private bool EjectionPass()
    {
        var improved = false;
        for (var given = 0; given < _inside.Length && _workLeft > 0; given++)
        {
            var u = _inside[given];
            if (_choice[u] >= 0 && _table.Count(u) >= 2 && Overflows(u) && !Clean(u, _ejectLooked[u]))
            {
                _workLeft--;
                if (Eject(u, Delta.Zero, Change(u, _choice[u], -1), 1))
                {
                    improved = true;
                }
                else
                {
                    _ejectLooked[u] = _stamp;
                }
            }
        }

        return improved;
    }

    /// <summary>Moves <paramref name="u"/> (leaving its school: <paramref name="leave"/>) and perhaps areas after it; true, moves kept, when the chain from <paramref name="sofar"/> pays.</summary>
    private bool Eject(int u, Delta sofar, Delta leave, int depth)
    {
        var from = _choice[u];
        Span<int> top = stackalloc int[EjectionWidth];
        Span<Delta> topDelta = stackalloc Delta[EjectionWidth];
        var kept = 0;
        for (var c = 0; c < _table.Count(u); c++)
        {
            if (c == from)
            {
                continue;
            }

            _workLeft--;
            var delta = sofar + leave + Change(u, c, +1);
            Keep(top, topDelta, ref kept, c, delta);
        }

        if (kept > 0 && topDelta[0].CompareTo(Delta.Zero) < 0)
        {
            Move(u, top[0]);
            Changed(u, from);
            return true;
        }

        for (var i = 0; i < kept && depth < EjectionDepth; i++)
        {
            Move(u, top[i]);
            if (Overflows(u) && EjectFrom(School(u, top[i]), u, topDelta[i], depth))
            {
                Changed(u, from);
                return true;
            }

            Move(u, from);
        }

        return false;
    }

    /// <summary>Tries to move on, after <paramref name="arrived"/>, one of the areas of <paramref name="school"/> whose own best moves are the best.</summary>
    private bool EjectFrom(int school, int arrived, Delta sofar, int depth)
    {
        Span<int> top = stackalloc int[EjectionMovers];
        Span<Delta> topDelta = stackalloc Delta[EjectionMovers];
        var kept = 0;
        foreach (var v in _unitsAt[school])
        {
            if (v != arrived && _table.Count(v) >= 2)
            {
                _workLeft--;
                var leave = Change(v, _choice[v], -1);
                var (_, moved) = BestMove(v, leave, Delta.Max);
                Keep(top, topDelta, ref kept, v, moved);
            }
        }

        for (var i = 0; i < kept; i++)
        {
            var v = top[i];
            var leave = Change(v, _choice[v], -1);
            // Pruned as if v's move were the chain's last: a longer chain through v's next school is
            // not followed when this one cannot pay (following those too left the 100k first term with
            // more overflow, 9,119 pupils against 9,115, in more time).
            if (CanPay(sofar + leave, v) && Eject(v, sofar, leave, depth + 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Keeps the <c>top.Length</c> least deltas in order (the first of equal ones first).</summary>
    private static void Keep(Span<int> top, Span<Delta> topDelta, ref int kept, int item, Delta delta)
    {
        int at;
        var width = top.Length;
        if (kept < width)
        {
            at = kept++;
        }
        else if (delta.CompareTo(topDelta[width - 1]) < 0)
        {
            at = width - 1;
        }
        else
        {
            return;
        }

        for (; at > 0 && delta.CompareTo(topDelta[at - 1]) < 0; at--)
        {
            (top[at], topDelta[at]) = (top[at - 1], topDelta[at - 1]);
        }

        (top[at], topDelta[at]) = (item, delta);
    }

    /// <summary>A kept move of <paramref name="u"/> from candidate <paramref name="from"/>, for the skipping.</summary>
    private void Changed(int u, int from)
    {
        Touch(School(u, from));
        Touch(School(u, _choice[u]));
    }

    /// <summary>
    /// True when nothing a look at <paramref name="u"/> reads has changed since its fruitless look
    /// at stamp <paramref name="looked"/> (0: never looked): the loads of its candidate schools, the
    /// areas at them, and the loads of those areas' candidate schools. <see cref="Touch"/> marks both.
    /// </summary>
    private bool Clean(int u, long looked)
    {
        if (looked == 0)
        {
            return false;
        }

        for (var k = _first[u]; k < _first[u + 1]; k++)
        {
            if (_touched[_school[k]] > looked)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A committed change at <paramref name="school"/>: marks it and the schools of every area that has it as a candidate.</summary>
    private void Touch(int school)
    {
        var stamp = ++_stamp;
        _touched[school] = stamp;
        for (var i = _withCandidateFirst[school]; i < _withCandidateFirst[school + 1]; i++)
        {
            var v = _withCandidate[i];
            if (_choice[v] >= 0)
            {
                _touched[School(v, _choice[v])] = stamp;
            }
        }
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

    /// <summary>True when <paramref name="u"/>'s school has pupils over its total seats or over those of one of <paramref name="u"/>'s grades.</summary>
    private bool Overflows(int u)
    {
        var school = _school[_first[u] + _choice[u]];
        if (_free[school * Lanes] < 0)
        {
            return true;
        }

        var free = Free(school);
        var pupils = Pupils(u);
        var over = Vector256<long>.Zero;
        for (var i = 0; i < Vectors; i++)
        {
            over |= Vector256.LessThan(free[i], Vector256<long>.Zero) & Vector256.GreaterThan(pupils[i], Vector256<long>.Zero);
        }

        return over != Vector256<long>.Zero;
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
        // Per lane, with f free seats and p pupils arriving (or −p leaving): Over(load + p) − Over(load)
        // = max(0, p − f) − max(0, −f), the same whole numbers as per grade one by one.
        var free = Free(school);
        var pupils = Pupils(u);
        var over = Vector256<long>.Zero;
        for (var i = 0; i < Vectors; i++)
        {
            var f = free[i];
            var after = (sign > 0 ? pupils[i] : -pupils[i]) - f;
            over += Positive(after) - Positive(-f);
        }

        var cost = sign * _cost[k];
        if (_problem.UnderFillCost > 0)
        {
            var (total, n) = (_seats[school * Lanes] - free[0][0], sign * _pupils[u]);
            cost += (_problem.UnderFill(school, total + n) - _problem.UnderFill(school, total)) * _problem.UnderFillCost;
        }

        return new Delta(Vector256.Sum(over), cost);
    }

    private Span<Vector256<long>> Free(int school) => MemoryMarshal.Cast<long, Vector256<long>>(_free.AsSpan(school * Lanes, Lanes));

    private ReadOnlySpan<Vector256<long>> Pupils(int u) => MemoryMarshal.Cast<long, Vector256<long>>(_lanes.AsSpan(u * Lanes, Lanes));

    private static Vector256<long> Positive(Vector256<long> x) => x & Vector256.GreaterThan(x, Vector256<long>.Zero);

    private void Move(int u, int to)
    {
        Place(u, _choice[u], -1);
        _choice[u] = to;
        Place(u, to, +1);
    }

    private void Place(int u, int c, int sign)
    {
        var school = School(u, c);
        var free = Free(school);
        var pupils = Pupils(u);
        for (var i = 0; i < Vectors; i++)
        {
            free[i] -= sign > 0 ? pupils[i] : -pupils[i];
        }

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
