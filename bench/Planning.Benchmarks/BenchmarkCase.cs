using System.Globalization;
using Planning.Engine.Assignment;
using Planning.Engine.Inputs;
using Planning.Engine.Simulation;
using Planning.Engine.Terms;

namespace Planning.Benchmarks;

/// <summary>
/// One benchmark: a synthetic district of a size, simulated over some terms under a policy, with the
/// default solver options (workers = the machine's cores). <paramref name="MipSeconds"/> &gt; 0 also
/// gives every term's instance to a general MIP solver for that long, as a peer.
/// </summary>
internal sealed record BenchmarkCase(string Name, int Areas, int Schools, Term Horizon, AssignmentPolicy Policy, double MipSeconds = 0)
{
    public static IReadOnlyList<BenchmarkCase> All { get; } =
    [
        new("baodi", 1_000, 110, Term.DefaultHorizon, AssignmentPolicy.IntakeOnly),
        new("baodi-reassign", 1_000, 110, Term.DefaultHorizon, AssignmentPolicy.Reassign),
        new("1k", 1_000, 100, new Term(2021, Season.Autumn), AssignmentPolicy.Reassign, MipSeconds: MipLimit()),
        new("10k", 10_000, 1_000, new Term(2021, Season.Autumn), AssignmentPolicy.Reassign),
        new("100k", 100_000, 5_000, Term.Base, AssignmentPolicy.Reassign),
        new("100k-horizon", 100_000, 5_000, Term.DefaultHorizon, AssignmentPolicy.Reassign),
    ];

    /// <summary>The case named <paramref name="name"/>.</summary>
    public static BenchmarkCase Named(string name) => All.Single(c => c.Name == name);

    /// <summary>The case's synthetic district (always the same seed) simulated with <paramref name="parameters"/>.</summary>
    public SimulationInput Input(SimulationParameters parameters) => SyntheticDistrict.Generate(Areas, Schools, seed: 2020, parameters);

    /// <summary>Simulates the case with its parameters, <paramref name="observer"/> called with every term's problem and answer.</summary>
    public void Observe(Action<AssignmentProblem, AssignmentSolution> observer) =>
        Simulator.Run(Input(Parameters with { Solver = Parameters.Solver with { Observer = observer } }));

    public SimulationParameters Parameters => SimulationParameters.Default with
    {
        Horizon = Horizon,
        Policy = Policy,
        Solver = SolverOptions.Default with
        {
            TimeLimitSeconds = CpSatSeconds(),
            Workers = Environment.ProcessorCount,
            MaxFreeAreas = Setting("BENCH_MAX_FREE_AREAS", SolverOptions.Default.MaxFreeAreas),
            MaxMipAreas = Setting("BENCH_MAX_MIP_AREAS", SolverOptions.Default.MaxMipAreas),
            MipNodes = Setting("BENCH_MIP_NODES", (int)SolverOptions.Default.MipNodes),
        },
    };

    // BENCH_CPSAT_SECONDS overrides the CP-SAT limit, to see what more solver time buys.
    private static double CpSatSeconds() =>
        Environment.GetEnvironmentVariable("BENCH_CPSAT_SECONDS") is { } text
            ? double.Parse(text, CultureInfo.InvariantCulture)
            : SolverOptions.Default.TimeLimitSeconds;

    // BENCH_MAX_FREE_AREAS overrides how many area-levels CP-SAT may re-decide per part.
    private static int Setting(string name, int fallback) =>
        Environment.GetEnvironmentVariable(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    // BENCH_MIP_SECONDS: wall-clock seconds the MIP peer gets per term (default 120; 0 skips it).
    private static double MipLimit() =>
        Environment.GetEnvironmentVariable("BENCH_MIP_SECONDS") is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : 120;
}
