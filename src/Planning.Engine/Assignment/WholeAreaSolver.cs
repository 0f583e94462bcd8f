using System.Diagnostics;
using Planning.Engine.Inputs;

namespace Planning.Engine.Assignment;

/// <summary>
/// Solves one part (<see cref="Components"/>) with whole areas, overflow first:
/// <list type="number">
/// <item>bounds: the split flow, and the whole-area LP where the part is small enough;</item>
/// <item>the LP rounded to each area's main school, else the flow to the school that got most of the
/// area and still has room (<see cref="Rounding"/>), improved by the local search;</item>
/// <item>while overflow is left above its proven minimum, CP-SAT minimises the overflow alone in a
/// part up to <see cref="SolverOptions.MaxOverflowAreas"/> (which also proves the minimum), and the
/// local search polishes the result; where it proved less than is left, in a part up to
/// <see cref="SolverOptions.MaxMipAreas"/>, a general MIP solver (<see cref="MipSearch"/>) tries
/// again, whose cuts may prove more; in a larger part it tries over the areas at and around the
/// schools overfilled beyond the split flow;</item>
/// <item>while the cost is not within the gap, CP-SAT re-decides the areas (all of them up to
/// <see cref="SolverOptions.MaxFreeAreas"/>, which may prove the optimum; else the neighbourhood
/// of overfull schools and split areas, never letting the overflow rise);</item>
/// <item>while the cost is still not within the gap in a part too large for CP-SAT whole, rounds of
/// CP-SAT over one school's surroundings each (<see cref="CostRounds"/>);</item>
/// <item>and if still not, in a part up to <see cref="SolverOptions.MaxMipAreas"/>, a general MIP
/// solver over the whole part (<see cref="MipSearch"/>), whose bound may also replace the LP's; in a
/// larger part within the cost rounds' reach, over the areas around trouble and those the LP (else
/// the flow) split;</item>
/// <item>and where overflow is left above its proven least in a part too large for SCIP whole, SCIP
/// over the regions of the seat max flow's cut that stand at least <see cref="SolverOptions.RegionPupils"/>
/// above their bound (<see cref="OverflowRegions"/>), polished by the local search;</item>
/// <item>and where overflow is still left above its proven least in a part too large for SCIP whole,
/// ejection chains of up to four moves from the schools over a slot or total the seat max flow's cut
/// does not price (<see cref="OverflowChains"/>), then SCIP around each school still over what the cut
/// does not price (<see cref="SolverOptions.SchoolMipAreas"/>);</item>
/// <item>and where overflow is still left above its proven least in a part the whole-area LP fits, that
/// LP over the pupils over alone may prove more (<see cref="WholeAreaLp.LeastOverflow"/>).</item>
/// </list>
/// </summary>
internal static class WholeAreaSolver
{
    /// <summary>A part's answer: candidate index per unit, and how it was found.</summary>
    public sealed record Result(int[] Choice, PartStats Stats);

    public static Result Solve(AssignmentProblem problem, SolverOptions options, CancellationToken cancellation)
    {
        // The seat max flow (the flow's check of its try, the overflow proof and, where the region step
        // may run, its cut) and the split flow need neither the table nor the LP: with a second worker
        // they run beside them.
        var beyondMip = problem.Units.Count > options.MaxMipAreas;
        var regionStep = beyondMip && options.MipNodes > 0 && options.RegionPupils < long.MaxValue;
        var chainStep = beyondMip && options.ChainWork > 0;
        var schoolStep = beyondMip && options.MipNodes > 0 && options.SchoolMipAreas > 0;
        using var seats = new Pending<FlowRelaxation.SeatFlow>(options.Workers >= 2, () => FlowRelaxation.Seats(problem, withCut: regionStep || chainStep || schoolStep));
        using var flow = new Pending<(FlowRelaxation.Result Relaxation, double Seconds)>(options.Workers >= 2, () =>
        {
            var clock = Stopwatch.StartNew();
            return (Relaxation: FlowRelaxation.Solve(problem, seats), Seconds: clock.Elapsed.TotalSeconds);
        });
        var lap = PhaseClock.Start("candidate table");
        var table = CandidateTable.Build(problem);
        lap.Dispose();
        // Built when first needed: a part already within the gap and without overflow never searches.
        var search = new Lazy<LocalSearch>(() => LocalSearch.For(problem, table));
        var lpClock = Stopwatch.StartNew();
        var lpFits = table.School.Length <= options.MaxLpCandidates;
        var lp = lpFits ? WholeAreaLp.Solve(problem, table, options.LpIterations) : null;
        var lpSeconds = lpClock.Elapsed.TotalSeconds;
        var (relaxation, flowSeconds) = flow.Value;
        lap = PhaseClock.Start("rounding");
        var boundSeconds = flowSeconds + lpSeconds;
        var bound = Math.Max(relaxation.Cost, lp?.Bound ?? long.MinValue);
        var (kind, boundMethod) = lp is null || lp.Bound <= relaxation.Cost
            ? ("split flow", lp is null ? "OR-Tools min-cost flow (whole-area LP not solved: part too large)" : "OR-Tools min-cost flow")
            : ("whole-area LP", $"GLOP ({lp.Status}) duals, Lagrangian value");
        var (choice, split) = lp?.Shares is { } shares
            ? Rounding.Largest(table, shares)
            : Rounding.WithRoom(problem, table, Rounding.FlowShares(problem, table, relaxation));
        var (cost, overflow) = WholeAreaCost.Measure(problem, choice);
        lap.Dispose();
        var method = "rounded";
        var reDecided = 0;
        string? status = null;
        bool WithinGap(double value) => value - bound <= options.RelativeGap * value;

        if (!WithinGap(cost) || overflow > 0)
        {
            choice = Polish(search, choice, options, cancellation);
            (cost, overflow) = WholeAreaCost.Measure(problem, choice);
            method = "local-search";
        }

        long minimumOverflow = 0;
        if (overflow > 0)
        {
            minimumOverflow = FlowRelaxation.Least(problem, seats.Value.Seated);
        }
        else
        {
            // No overflow: the proof is not needed. Settled here, not only by the using on the way
            // out, so that a failure of it is thrown, not swallowed.
            seats.Settle();
        }

        // Larger parts are left to the local search's chains: a neighbourhood given to CP-SAT for its
        // 5 deterministic seconds removed nothing at 10k and 100k (BENCHMARKS.md).
        if (overflow > minimumOverflow && table.Units <= options.MaxOverflowAreas)
        {
            var free = Enumerable.Range(0, table.Units).ToList();
            // No early stop at the least overflow: the rest of the budget keeps units where they were.
            var outcome = CpSatSearch.Solve(
                problem, table, choice, free, CpSatSearch.Goal.Overflow, keepOverflow: true, options.OverflowSeconds, _ => false, cancellation);
            if (double.IsFinite(outcome.Bound))
            {
                minimumOverflow = Math.Max(minimumOverflow, (long)Math.Ceiling(outcome.Bound - 1e-6));
            }

            (choice, cost, overflow) = Better(problem, search, options, (choice, cost, overflow), outcome.Choice, cancellation);
            (method, reDecided) = ("cp-sat", free.Count);
        }

        // Overflow CP-SAT could not prove unavoidable: SCIP's cuts may, in a part up to MaxMipAreas.
        var mipFits = options.MipNodes > 0 && table.Units <= options.MaxMipAreas;
        if (overflow > minimumOverflow && mipFits)
        {
            var outcome = MipSearch.Solve(problem, table, choice, CpSatSearch.Goal.Overflow, options.MipNodes, 0, cancellation);
            minimumOverflow = Math.Max(minimumOverflow, outcome.Bound ?? 0);
            if (outcome.Choice is { } found)
            {
                (choice, cost, overflow) = Better(problem, search, options, (choice, cost, overflow), found, cancellation);
            }

            method = "mip";
        }

        // A part too large for SCIP whole: SCIP over the units now at the schools where the overflow
        // stands above the split flow's (where whole areas, not seats, are short) and at the schools
        // they could go to. Not when those schools' own units would fill most of the model: then SCIP
        // has nowhere to move them (at 100k, ten rounds of ten such schools removed nothing; at 10k one
        // round removed the 3 pupils above the proven least, BENCHMARKS.md).
        if (overflow > minimumOverflow && options.MipNodes > 0 && table.Units > options.MaxMipAreas)
        {
            var seeds = AboveSplitFlow(problem, table, choice, relaxation);
            var free = Neighbourhood.AtSchools(table, problem.SchoolCount, choice, seeds, options.MaxMipAreas, out var atSeeds);
            if (atSeeds <= options.MaxMipAreas / 2)
            {
                var outcome = MipSearch.Solve(problem, table, choice, CpSatSearch.Goal.Overflow, options.MipNodes, 0, cancellation, free);
                if (outcome.Choice is { } found)
                {
                    (choice, cost, overflow) = Better(problem, search, options, (choice, cost, overflow), found, cancellation);
                }

                (method, reDecided) = ("mip", Math.Max(reDecided, free.Count));
            }
        }

        if (!WithinGap(cost))
        {
            var everyUnit = table.Units <= options.MaxFreeAreas;
            var free = everyUnit ? Enumerable.Range(0, table.Units).ToList() : Around(problem, table, choice, split, options.MaxFreeAreas);
            var outcome = CpSatSearch.Solve(
                problem, table, choice, free, CpSatSearch.Goal.Cost, keepOverflow: !everyUnit, options.TimeLimitSeconds, WithinGap, cancellation);
            var (newCost, newOverflow) = WholeAreaCost.Measure(problem, outcome.Choice);
            if (Lower(newOverflow, newCost, overflow, cost))
            {
                (choice, cost, overflow) = (outcome.Choice, newCost, newOverflow);
            }

            if (everyUnit && outcome.Bound > bound)
            {
                bound = (long)Math.Ceiling(outcome.Bound - 1e-6);
                (kind, boundMethod) = ("whole-area LP", "CP-SAT search bound (at least the LP's)");
            }

            (method, reDecided, status) = ("cp-sat", Math.Max(reDecided, free.Count), outcome.Status);
        }

        if (!WithinGap(cost) && table.Units > options.MaxFreeAreas && table.Units <= options.MaxCostRoundAreas)
        {
            var (improved, most) = CostRounds.Run(problem, table, choice, options, WithinGap, cancellation);
            if (!ReferenceEquals(improved, choice))
            {
                (choice, cost, overflow) = Better(problem, search, options, (choice, cost, overflow), improved, cancellation);
            }

            reDecided = Math.Max(reDecided, most);
        }

        // Still not within the gap in a part too large for SCIP whole, but within the cost rounds'
        // reach: SCIP over the units around trouble and those the LP (else the flow) split.
        if (!WithinGap(cost) && options.MipNodes > 0 && table.Units > options.MaxMipAreas && table.Units <= options.MaxCostRoundAreas)
        {
            var free = Around(problem, table, choice, split, options.MaxMipAreas);
            if (free.Count > 0)
            {
                var outcome = MipSearch.Solve(problem, table, choice, CpSatSearch.Goal.Cost, options.MipNodes, options.RelativeGap, cancellation, free);
                if (outcome.Choice is { } found)
                {
                    (choice, cost, overflow) = Better(problem, search, options, (choice, cost, overflow), found, cancellation);
                }

                (method, reDecided) = ("mip", Math.Max(reDecided, free.Count));
            }
        }

        if (!WithinGap(cost) && mipFits && table.Units > options.MaxFreeAreas)
        {
            var outcome = MipSearch.Solve(problem, table, choice, CpSatSearch.Goal.Cost, options.MipNodes, options.RelativeGap, cancellation);
            if (outcome.Choice is { } found)
            {
                (choice, cost, overflow) = Better(problem, search, options, (choice, cost, overflow), found, cancellation);
            }

            if (outcome.Bound > bound)
            {
                bound = outcome.Bound.Value;
                (kind, boundMethod) = ("whole-area LP", "SCIP search bound (at least the LP's)");
            }

            method = "mip";
        }

        if (overflow > minimumOverflow && regionStep)
        {
            var regions = OverflowRegions.Above(problem, table, seats.Value, choice, options.RegionPupils);
            var repaired = OverflowRegions.Repair(
                problem, table, (choice, cost, overflow), regions, options.MaxMipAreas, options.MipNodes, options.Workers, cancellation, out var most);
            if (repaired is not null)
            {
                (choice, cost, overflow) = Better(problem, search, options, (choice, cost, overflow), repaired, cancellation);
            }

            (method, reDecided) = most > 0 ? ("mip", Math.Max(reDecided, most)) : (method, reDecided);
        }

        // Pupils over slots and totals the seat max flow's cut does not price, which no proof covers:
        // ejection chains, every area and candidate within the step's prunes. Not polished after: a
        // polish at 100k spends the local search's whole budget, and a chain's moves cost little next to
        // the pupil it seats.
        if (overflow > minimumOverflow && chainStep && !cancellation.IsCancellationRequested)
        {
            using var chainLap = PhaseClock.Start("overflow chains");
            var starts = OverflowChains.Starts(problem, table, seats.Value, choice);
            if (OverflowChains.Remove(problem, table, choice, starts, options.ChainWork, cancellation) is { } chained
                && WholeAreaCost.Measure(problem, chained) is var (chainedCost, chainedOverflow)
                && Lower(chainedOverflow, chainedCost, overflow, cost))
            {
                (choice, cost, overflow) = (chained, chainedCost, chainedOverflow);
            }
        }

        // What the chains leave over slots and totals the cut does not price: SCIP's root over the units
        // around each such school, one school at a time (over the 100k horizon it seated two pupils the
        // chains had not, BENCHMARKS.md). Not polished after, as the chains.
        if (overflow > minimumOverflow && schoolStep && !cancellation.IsCancellationRequested)
        {
            var limit = Math.Min(options.SchoolMipAreas, options.MaxMipAreas);
            var starts = OverflowChains.Starts(problem, table, seats.Value, choice);
            foreach (var school in starts)
            {
                if (overflow <= minimumOverflow || cancellation.IsCancellationRequested)
                {
                    break;
                }

                // Skipped: a school an earlier one's answer cleared, and one whose own units would fill
                // most of the model (SCIP would have nowhere to move them), as around the schools above.
                var free = Neighbourhood.AtSchools(table, problem.SchoolCount, choice, [school], limit, out var atSchool);
                if (atSchool > limit / 2 || !starts.Contains(school))
                {
                    continue;
                }

                var outcome = MipSearch.Solve(problem, table, choice, CpSatSearch.Goal.Overflow, options.MipNodes, 0, cancellation, free, OverflowRegions.RootCutRounds);
                if (outcome.Choice is { } found && WholeAreaCost.Measure(problem, found) is var (foundCost, foundOverflow) && Lower(foundOverflow, foundCost, overflow, cost))
                {
                    (choice, cost, overflow) = (found, foundCost, foundOverflow);
                    starts = OverflowChains.Starts(problem, table, seats.Value, choice);
                }

                (method, reDecided) = ("mip", Math.Max(reDecided, free.Count));
            }
        }

        // The overflow's bounds so far are the split flow's and the general solvers' on W × pupils over +
        // units moved: where the whole-area LP fits, its own bound on the pupils over may stand a pupil
        // above them (BENCHMARKS.md). Only reported: the searches above are done.
        if (overflow > minimumOverflow && lpFits && !cancellation.IsCancellationRequested)
        {
            minimumOverflow = Math.Max(minimumOverflow, WholeAreaLp.LeastOverflow(problem, options.LpIterations));
        }

        if (bound >= cost)
        {
            (bound, kind) = (cost, "exact");
        }

        return new Result(choice, new PartStats(cost, bound, kind, boundMethod, relaxation.Cost, boundSeconds, minimumOverflow, method, reDecided, status));
    }

    /// <summary>The candidate, polished, when it has less overflow, or as much and a lower cost; else the current answer.</summary>
    private static (int[] Choice, long Cost, long Overflow) Better(
        AssignmentProblem problem, Lazy<LocalSearch> search, SolverOptions options, (int[] Choice, long Cost, long Overflow) current, int[] candidate, CancellationToken cancellation)
    {
        var polished = Polish(search, candidate, options, cancellation);
        using var lap = PhaseClock.Start("measure");
        var (cost, overflow) = WholeAreaCost.Measure(problem, polished);
        return Lower(overflow, cost, current.Overflow, current.Cost) ? (polished, cost, overflow) : current;
    }

    /// <summary>Overflow first: less overflow, or as much and a lower cost.</summary>
    internal static bool Lower(long overflow, long cost, long thanOverflow, long thanCost) =>
        overflow < thanOverflow || (overflow == thanOverflow && cost < thanCost);

    private static int[] Polish(Lazy<LocalSearch> search, int[] choice, SolverOptions options, CancellationToken cancellation)
    {
        using var lap = PhaseClock.Start("local search");
        return search.Value.Run(choice, options.LocalSearchPasses, options.LocalSearchMoves, cancellation);
    }

    /// <summary>
    /// Schools with more pupils over a grade's or the school's seats than in the split flow, most such
    /// pupils first (then by index): where the flow seats pupils that whole areas do not.
    /// </summary>
    private static List<int> AboveSplitFlow(AssignmentProblem problem, CandidateTable table, int[] choice, FlowRelaxation.Result relaxation)
    {
        var (gradeLoad, totalLoad) = table.Loads(problem, choice);
        var (flowGrade, flowTotal) = relaxation.Loads(problem);
        var excess = new long[problem.SchoolCount];
        for (var slot = 0; slot < gradeLoad.Length; slot++)
        {
            var cap = problem.GradeCapacity[slot];
            excess[AssignmentProblem.SchoolOf(slot)] += Math.Max(0, Math.Max(0, gradeLoad[slot] - cap) - Math.Max(0, flowGrade[slot] - cap));
        }

        for (var s = 0; s < excess.Length; s++)
        {
            var cap = problem.TotalCapacity[s];
            excess[s] += Math.Max(0, Math.Max(0, totalLoad[s] - cap) - Math.Max(0, flowTotal[s] - cap));
        }

        return Enumerable.Range(0, excess.Length).Where(s => excess[s] > 0).OrderByDescending(s => excess[s]).ThenBy(s => s).ToList();
    }

    /// <summary>Units around overflowing and under-filled schools, then <paramref name="seedUnits"/>, up to <paramref name="limit"/>.</summary>
    private static List<int> Around(AssignmentProblem problem, CandidateTable table, int[] choice, IReadOnlyList<int> seedUnits, int limit)
    {
        var (gradeLoad, totalLoad) = table.Loads(problem, choice);
        var troubled = Enumerable.Range(0, problem.SchoolCount)
            .Where(s => totalLoad[s] > problem.TotalCapacity[s]
                || (problem.UnderFillCost > 0 && totalLoad[s] < problem.FillTarget[s])
                || (AssignmentProblem.SlotsOf(s) is var (first, end) && Enumerable.Range(first, end - first).Any(slot => gradeLoad[slot] > problem.GradeCapacity[slot])))
            .ToList();
        return Neighbourhood.Around(table, problem.SchoolCount, troubled, seedUnits, limit);
    }
}
