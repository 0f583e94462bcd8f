namespace Planning.Engine.Assignment;

/// <summary>
/// Improves a whole-area assignment by moving one area to another of its candidates, or moving one
/// in and pushing another area of that school on to its best other school (a swap when that is the
/// first area's old school), while that lowers the exact cost (travel, moves, overflow).
/// Cheap and effective where rounding left schools overfull; CP-SAT then starts from its result.
/// </summary>
internal sealed class LocalSearch
{
    private readonly AssignmentProblem _problem;
    private readonly long[][] _unitCost;
    private readonly long[] _cheapest;
    private readonly (int Slot, long Pupils)[][][] _slots;
    private readonly long[] _gradeLoad;
    private readonly long[] _totalLoad;
    private readonly List<int>[] _unitsAt;
    private readonly int[] _choice;

    private LocalSearch(AssignmentProblem problem, int[] start)
    {
        _problem = problem;
        _choice = (int[])start.Clone();
        _gradeLoad = new long[problem.GradeCapacity.Length];
        _totalLoad = new long[problem.SchoolCount];
        _unitsAt = Enumerable.Range(0, problem.SchoolCount).Select(_ => new List<int>()).ToArray();
        _unitCost = problem.Units.Select(u => u.Candidates.Select(c => problem.UnitCost(u, c)).ToArray()).ToArray();
        _cheapest = _unitCost.Select(costs => costs.DefaultIfEmpty(0).Min()).ToArray();
        _slots = problem.Units.Select(u => u.Candidates
            .Select(c => u.Items.GroupBy(i => i.Grade).Select(g => (AssignmentProblem.Slot(c.School, g.Key), g.Sum(i => (long)i.Count))).ToArray())
            .ToArray()).ToArray();
        for (var u = 0; u < _choice.Length; u++)
        {
            if (_choice[u] >= 0)
            {
                Place(u, _choice[u], +1);
            }
        }
    }

    /// <summary>The improved choice per unit (candidate index, −1 for units without candidates).</summary>
    public static int[] Improve(AssignmentProblem problem, int[] start, TimeSpan budget, CancellationToken cancellation)
    {
        var search = new LocalSearch(problem, start);
        var deadline = DateTime.UtcNow + budget;
        for (var pass = 0; pass < 100 && DateTime.UtcNow < deadline && !cancellation.IsCancellationRequested; pass++)
        {
            var improved = search.MovePass() | search.ChainPass(deadline);
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
        for (var u = 0; u < _choice.Length; u++)
        {
            if (_choice[u] < 0)
            {
                continue;
            }

            var (best, bestDelta) = (-1, 0L);
            for (var c = 0; c < _unitCost[u].Length; c++)
            {
                if (c != _choice[u] && MoveDelta(u, c) is var delta && delta < bestDelta)
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
    private bool ChainPass(DateTime deadline)
    {
        var improved = false;
        for (var u = 0; u < _choice.Length && DateTime.UtcNow < deadline; u++)
        {
            if (_choice[u] < 0 || (!Overflows(u) && _unitCost[u][_choice[u]] == _cheapest[u]))
            {
                continue;
            }

            var uFrom = _choice[u];
            var found = false;
            for (var c = 0; c < _unitCost[u].Length && !found; c++)
            {
                if (School(u, c) == School(u, uFrom))
                {
                    continue;
                }

                var first = MoveDelta(u, c);
                Move(u, c);
                foreach (var v in _unitsAt[School(u, c)])
                {
                    if (v == u)
                    {
                        continue;
                    }

                    var (best, bestDelta) = (-1, long.MaxValue);
                    for (var d = 0; d < _unitCost[v].Length; d++)
                    {
                        if (d != _choice[v] && MoveDelta(v, d) is var delta && delta < bestDelta)
                        {
                            (best, bestDelta) = (d, delta);
                        }
                    }

                    if (best >= 0 && first + bestDelta < 0)
                    {
                        Move(v, best);
                        found = true;
                        break;
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

    private bool Overflows(int u) =>
        _totalLoad[School(u, _choice[u])] > _problem.TotalCapacity[School(u, _choice[u])]
        || _slots[u][_choice[u]].Any(s => _gradeLoad[s.Slot] > _problem.GradeCapacity[s.Slot]);

    private int School(int u, int c) => _problem.Units[u].Candidates[c].School;

    private int CandidateIndex(int u, int school)
    {
        var candidates = _problem.Units[u].Candidates;
        for (var c = 0; c < candidates.Count; c++)
        {
            if (candidates[c].School == school)
            {
                return c;
            }
        }

        return -1;
    }

    private long MoveDelta(int u, int to)
    {
        var from = _choice[u];
        long over = 0;
        foreach (var (slot, pupils) in _slots[u][from])
        {
            over += Over(_gradeLoad[slot] - pupils, _problem.GradeCapacity[slot]) - Over(_gradeLoad[slot], _problem.GradeCapacity[slot]);
        }

        foreach (var (slot, pupils) in _slots[u][to])
        {
            over += Over(_gradeLoad[slot] + pupils, _problem.GradeCapacity[slot]) - Over(_gradeLoad[slot], _problem.GradeCapacity[slot]);
        }

        var n = _problem.Units[u].Pupils;
        var (a, b) = (School(u, from), School(u, to));
        if (a != b)
        {
            over += Over(_totalLoad[a] - n, _problem.TotalCapacity[a]) - Over(_totalLoad[a], _problem.TotalCapacity[a]);
            over += Over(_totalLoad[b] + n, _problem.TotalCapacity[b]) - Over(_totalLoad[b], _problem.TotalCapacity[b]);
        }

        return _unitCost[u][to] - _unitCost[u][from] + over * _problem.OverflowCost;
    }

    private static long Over(long load, long capacity) => Math.Max(0, load - capacity);

    private void Move(int u, int to)
    {
        Place(u, _choice[u], -1);
        _choice[u] = to;
        Place(u, to, +1);
    }

    private void Place(int u, int c, int sign)
    {
        foreach (var (slot, pupils) in _slots[u][c])
        {
            _gradeLoad[slot] += sign * pupils;
        }

        var school = School(u, c);
        _totalLoad[school] += sign * _problem.Units[u].Pupils;
        if (sign > 0)
        {
            _unitsAt[school].Add(u);
        }
        else
        {
            _unitsAt[school].Remove(u);
        }
    }
}
