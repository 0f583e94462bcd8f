namespace Planning.Engine.Assignment;

/// <summary>
/// Where a large part's overflow stands above its proven least, and SCIP's moves that may remove it.
/// The seat max flow's minimum cut (<see cref="FlowRelaxation.Seats"/>) prices slots and schools;
/// a unit every candidate of which is priced cannot escape them ("trapped"), and trapped units
/// joined through their candidate schools form regions that share no school. Per region, Σ over its
/// trapped units of their cheapest price − its priced seats bounds the pupils any whole-area
/// assignment puts over its priced slots and schools; the regions' bounds add up to at least the
/// least overflow. A region whose pupils over stand enough above its bound
/// (<see cref="Inputs.SolverOptions.RegionPupils"/>) is re-placed by SCIP over every
/// unit that may go to one of its schools, every other unit staying where it is: in the 100k
/// benchmark that removes pupils over a limit which the local search's moves and chains leave
/// (BENCHMARKS.md).
/// </summary>
internal static class OverflowRegions
{
    /// <summary>
    /// SCIP's rounds of cuts at a region's root. The answer comes from SCIP's heuristics after the
    /// cuts, and the cuts barely move the bound (in the first 100k term's first region, 22 rounds
    /// raised it by 0.01 % in 5.5 s): at 3 rounds that term's regions took 17 s of SCIP instead of
    /// 26 s and removed the same pupils; at 0 or 1 round, 8 fewer (BENCHMARKS.md).
    /// </summary>
    internal const int RootCutRounds = 3;

    /// <summary>A region above its bound: its trapped units, and its pupils over its priced seats above the bound.</summary>
    public sealed record Region(List<int> Trapped, long Above);

    /// <summary>
    /// The regions of the cut of <paramref name="seats"/> whose pupils over stand at least
    /// <paramref name="atLeast"/> (and at least 1) above their bound, most above first (then by their first unit).
    /// </summary>
    public static List<Region> Above(AssignmentProblem problem, CandidateTable table, FlowRelaxation.SeatFlow seats, int[] choice, long atLeast = 1)
    {
        if (seats is not { SlotPriced: { } slotPriced, SchoolPriced: { } schoolPriced })
        {
            throw new ArgumentException("the seat max flow was solved without its cut", nameof(seats));
        }

        var schools = problem.SchoolCount;
        var root = Enumerable.Range(0, schools).ToArray();
        int Find(int s)
        {
            while (root[s] != s)
            {
                (root[s], s) = (root[root[s]], root[s]);
            }

            return s;
        }

        var cheapest = new long[table.Units];
        for (var u = 0; u < table.Units; u++)
        {
            cheapest[u] = long.MaxValue;
            for (var k = table.First[u]; k < table.First[u + 1]; k++)
            {
                var school = table.School[k];
                var price = schoolPriced[school] ? table.Pupils[u] : 0;
                for (var j = table.GradeFirst[u]; j < table.GradeFirst[u + 1]; j++)
                {
                    price += slotPriced[AssignmentProblem.Slot(school, table.Grade[j])] ? table.GradePupils[j] : 0;
                }

                cheapest[u] = Math.Min(cheapest[u], price);
            }

            if (cheapest[u] > 0 && cheapest[u] < long.MaxValue)
            {
                for (var k = table.First[u] + 1; k < table.First[u + 1]; k++)
                {
                    root[Find(table.School[k])] = Find(table.School[table.First[u]]);
                }
            }
        }

        var trapped = new Dictionary<int, List<int>>();
        var bound = new Dictionary<int, long>();
        for (var u = 0; u < table.Units; u++)
        {
            if (cheapest[u] > 0 && cheapest[u] < long.MaxValue)
            {
                var r = Find(table.School[table.First[u]]);
                if (!trapped.TryGetValue(r, out var units))
                {
                    trapped[r] = units = [];
                    bound[r] = 0;
                }

                units.Add(u);
                bound[r] += cheapest[u];
            }
        }

        var (gradeLoad, schoolLoad) = table.Loads(problem, choice);
        var over = new Dictionary<int, long>();
        for (var s = 0; s < schools; s++)
        {
            var r = Find(s);
            if (!trapped.ContainsKey(r))
            {
                continue;
            }

            long priced = 0, pupils = 0;
            if (schoolPriced[s])
            {
                (priced, pupils) = (problem.TotalCapacity[s], AssignmentProblem.Over(schoolLoad[s], problem.TotalCapacity[s]));
            }

            var (first, end) = AssignmentProblem.SlotsOf(s);
            for (var slot = first; slot < end; slot++)
            {
                if (slotPriced[slot])
                {
                    priced += problem.GradeCapacity[slot];
                    pupils += AssignmentProblem.Over(gradeLoad[slot], problem.GradeCapacity[slot]);
                }
            }

            bound[r] -= priced;
            over[r] = over.GetValueOrDefault(r) + pupils;
        }

        return [.. trapped.Keys
            .Select(r => new Region(trapped[r], over.GetValueOrDefault(r) - bound[r]))
            .Where(region => region.Above >= Math.Max(1, atLeast))
            .OrderByDescending(region => region.Above)
            .ThenBy(region => region.Trapped[0])];
    }

    /// <summary>
    /// The <paramref name="current"/> answer (its choice, cost and overflow) with the regions re-placed in turn: for each, SCIP's root
    /// (<paramref name="nodes"/>) minimises the overflow over the units that may go to one of the
    /// region's schools (up to <paramref name="limit"/>, else the region is skipped), every other unit
    /// staying where it is and taking its seats; each region's answer is kept when it has less
    /// overflow, or as much and a lower cost. Null when none was; <paramref name="most"/> is the
    /// largest model given to SCIP (0 for none). Regions in a row whose units' candidate schools do not
    /// meet are solved side by side, up to <paramref name="workers"/> at once: none of them reads a seat
    /// another can change, so each one's model, and the answer, is what one after the other gives.
    /// </summary>
    public static int[]? Repair(
        AssignmentProblem problem,
        CandidateTable table,
        (int[] Choice, long Cost, long Overflow) current,
        IReadOnlyList<Region> regions,
        int limit,
        long nodes,
        int workers,
        CancellationToken cancellation,
        out int most)
    {
        var (firstAt, unitsAt) = table.UnitsBySchool(problem.SchoolCount);
        var models = regions.Select(region => Reaching(table, firstAt, unitsAt, region)).Where(model => model.Count <= limit).ToList();
        most = models.Count == 0 ? 0 : models.Max(model => model.Count);
        var reach = models.Select(model => SchoolsOf(table, model)).ToList();
        int[]? repaired = null;
        for (var first = 0; first < models.Count;)
        {
            var (end, batch) = (first + 1, new HashSet<int>(reach[first]));
            while (end < models.Count && !batch.Overlaps(reach[end]))
            {
                batch.UnionWith(reach[end++]);
            }

            // Kept only when lower: SCIP starts from the hint but may drop it.
            var start = current.Choice;
            var placed = new int[]?[end - first];
            Parallel.For(first, end, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers) }, i =>
                placed[i - first] = MipSearch.Solve(problem, table, start, CpSatSearch.Goal.Overflow, nodes, 0, cancellation, models[i], RootCutRounds).Choice);
            for (var i = first; i < end; i++)
            {
                if (placed[i - first] is not { } found)
                {
                    continue;
                }

                var choice = (int[])current.Choice.Clone();
                foreach (var u in models[i])
                {
                    choice[u] = found[u];
                }

                if (WholeAreaCost.Measure(problem, choice) is var (cost, overflow) && WholeAreaSolver.Lower(overflow, cost, current.Overflow, current.Cost))
                {
                    current = (choice, cost, overflow);
                    repaired = choice;
                }
            }

            first = end;
        }

        return repaired;
    }

    /// <summary>The candidate schools of <paramref name="units"/>.</summary>
    private static HashSet<int> SchoolsOf(CandidateTable table, List<int> units)
    {
        var set = new HashSet<int>();
        foreach (var u in units)
        {
            for (var k = table.First[u]; k < table.First[u + 1]; k++)
            {
                set.Add(table.School[k]);
            }
        }

        return set;
    }

    /// <summary>The units that may go to one of the region's schools (its trapped units' candidates), in index order.</summary>
    private static List<int> Reaching(CandidateTable table, int[] firstAt, int[] unitsAt, Region region)
    {
        var inner = new bool[firstAt.Length - 1];
        foreach (var u in region.Trapped)
        {
            for (var k = table.First[u]; k < table.First[u + 1]; k++)
            {
                inner[table.School[k]] = true;
            }
        }

        var taken = new bool[table.Units];
        for (var s = 0; s < inner.Length; s++)
        {
            if (!inner[s])
            {
                continue;
            }

            for (var i = firstAt[s]; i < firstAt[s + 1]; i++)
            {
                taken[unitsAt[i]] = true;
            }
        }

        return [.. Enumerable.Range(0, table.Units).Where(u => taken[u])];
    }
}
