namespace Planning.Engine.Inputs;

/// <summary>
/// Limits of the whole-area solver, per term. Every limit is work (passes, move evaluations, GLOP
/// iterations, CP-SAT's deterministic seconds), never wall-clock time, so the same input gives the
/// same plan on every machine, however loaded.
/// </summary>
/// <param name="TimeLimitSeconds">
/// CP-SAT's work limit per part and term for lowering the cost in one go (up to
/// <see cref="MaxFreeAreas"/>; the cost rounds after it have <see cref="CostRoundSeconds"/> each), in
/// its deterministic seconds (on a 2-core machine one deterministic second took about 3 wall-clock seconds).
/// </param>
/// <param name="RelativeGap">Stop as soon as the whole-area objective is within this share of the lower bound.</param>
/// <param name="Workers">
/// Threads that solve independent parts of a term (areas that share no candidate school) side by
/// side; within a part, from 2 on, the split flow and the seat max flow (the flow's check, the
/// overflow proof and the regions' cut) also run beside the candidate table and the whole-area LP, and
/// in a large part SCIP over the seat cut's regions whose areas share no candidate school
/// runs side by side, up to this many at once; so a part may keep more threads than this busy for a while. The parts are
/// merged in a fixed order and each piece is computed as with one thread, so the result does not
/// depend on it.
/// </param>
/// <param name="MaxFreeAreas">
/// Most area-levels given to CP-SAT per part to lower the cost. Up to this many, CP-SAT re-decides
/// every area; beyond, only the neighbourhood of overfull schools and split areas (the rest keep the
/// local search's school).
/// </param>
public sealed record SolverOptions(
    double TimeLimitSeconds = 0.2,
    double RelativeGap = 0.001,
    int Workers = 2,
    int MaxFreeAreas = 500)
{
    /// <summary>Defaults throughout.</summary>
    public static SolverOptions Default { get; } = new();

    /// <summary>Most passes of the local search over all areas.</summary>
    public int LocalSearchPasses { get; init; } = 100;

    /// <summary>Most move evaluations of the local search per part, all passes together (a look skipped because nothing near changed counts the evaluations it stands for).</summary>
    public long LocalSearchMoves { get; init; } = 1_000_000_000;

    /// <summary>
    /// Most rounds of CP-SAT over one school's surroundings that lower the cost of a part too large to
    /// give CP-SAT whole (<see cref="Assignment.CostRounds"/>), after the neighbourhood of
    /// <see cref="MaxFreeAreas"/>; 0 turns them off.
    /// </summary>
    public int CostRounds { get; init; } = 40;

    /// <summary>Area-levels CP-SAT re-decides per cost round.</summary>
    public int CostRoundAreas { get; init; } = 100;

    /// <summary>CP-SAT's work limit per cost round, in deterministic seconds.</summary>
    public double CostRoundSeconds { get; init; } = 0.1;

    /// <summary>Largest part (area-levels) given cost rounds: in larger ones they reach too little of the part to matter.</summary>
    public int MaxCostRoundAreas { get; init; } = 50_000;

    /// <summary>
    /// Largest part (area-levels) given whole to a general MIP solver (<see cref="Assignment.MipSearch"/>):
    /// to lower the cost of a part larger than <see cref="MaxFreeAreas"/> still not within the gap
    /// after CP-SAT and the cost rounds (its bound replaces the LP's when higher), and to remove or
    /// prove unavoidable the overflow CP-SAT left unproven. In a larger part SCIP gets at most this
    /// many area-levels: around the schools overfilled beyond the split flow when overflow is left
    /// above its proven least, and (up to <see cref="MaxCostRoundAreas"/>) around trouble and the
    /// areas the LP split when the cost is not within the gap.
    /// </summary>
    public int MaxMipAreas { get; init; } = 5_000;

    /// <summary>
    /// The MIP solver's work limit per part and goal, in branch-and-bound nodes; 0 turns it off. At 1 it
    /// solves the root alone (cuts and heuristics): at Baodi's size up to 35 s a term, the mean gap of a
    /// reassigning horizon 1.1 % → 0.2 % (BENCHMARKS.md); 1,000 nodes took up to 224 s a term there
    /// (measured while SCIP still ignored the start it was given).
    /// </summary>
    public long MipNodes { get; init; } = 1;

    /// <summary>
    /// In a part too large for SCIP whole where, after the steps before it, overflow is left above its
    /// proven least, SCIP's root (<see cref="MipNodes"/>) re-places each region of the seat max flow's
    /// cut with at least this many pupils over above its bound, each up to <see cref="MaxMipAreas"/>
    /// area-levels, and the local search goes on from there (<see cref="Assignment.OverflowRegions"/>).
    /// 1 (every region above its bound): over the 100k benchmark's horizon it left 13 pupils unproven
    /// instead of 15 with 3 (before <see cref="SchoolMipAreas"/>), for about 10 s more solve on the
    /// same instances, which whole horizon runs cannot tell from the machine's spread (BENCHMARKS.md,
    /// "seventh session"; with the code of 2026-12-06, 1 had cost 42 s more than 3, and 3 was the
    /// default until then). 0 and 1 alike re-place every region above its bound;
    /// <see cref="long.MaxValue"/> turns the step off.
    /// </summary>
    public long RegionPupils { get; init; } = 1;

    /// <summary>
    /// In a part too large for SCIP whole where overflow is left above its proven least after the region
    /// repair (<see cref="RegionPupils"/>), the move evaluations each school the proof leaves open gets
    /// for ejection chains of up to four moves, every area and candidate within the step's prunes (<see cref="Assignment.OverflowChains"/>);
    /// 0 turns the step off. Over the 100k horizon every start that cleared its school needed at most
    /// 8.1 million, twice the work found the same, and a start that finds nothing spends it all
    /// (BENCHMARKS.md).
    /// </summary>
    public long ChainWork { get; init; } = 10_000_000;

    /// <summary>
    /// In a part too large for SCIP whole where overflow is still left above its proven least after the
    /// overflow chains, SCIP's root (<see cref="MipNodes"/>, three rounds of cuts) re-places, for each
    /// school over a slot or total the seat max flow's cut does not price, up to this many units (at most
    /// <see cref="MaxMipAreas"/>): those now at the school, then on through their candidates to the units
    /// now at those schools, every other unit staying where it is; kept when the overflow falls. A school
    /// an earlier one's answer cleared, or whose own units fill more than half the model, is skipped.
    /// 0 turns the step off. Over the 100k horizon 2,000 seated 2022-autumn's two pupils at one school in 0.8 s, which the chains had not;
    /// the other school it ran for (4.5 s) kept its pupil (BENCHMARKS.md, "seventh session").
    /// </summary>
    public int SchoolMipAreas { get; init; } = 2_000;

    /// <summary>CP-SAT's work limit per part for removing overflow, in deterministic seconds.</summary>
    public double OverflowSeconds { get; init; } = 5;

    /// <summary>Largest part (area-levels) in which CP-SAT minimises the overflow, the whole part at once, which also proves its least overflow; larger parts rely on the local search.</summary>
    public int MaxOverflowAreas { get; init; } = 5_000;

    /// <summary>Largest part (area-level × candidate pairs) whose whole-area LP is solved; larger parts are bounded by the split flow.</summary>
    public int MaxLpCandidates { get; init; } = 400_000;

    /// <summary>GLOP's iteration limit for the whole-area LP of one part.</summary>
    public long LpIterations { get; init; } = 1_000_000;

    /// <summary>Called with every term's problem and answer; the benchmarks use it to solve the same instance with a general MIP solver.</summary>
    internal Action<Assignment.AssignmentProblem, Assignment.AssignmentSolution>? Observer { get; init; }
}
