using Planning.Engine.Rules;
using Planning.Engine.Terms;

namespace Planning.Engine.Inputs;

/// <summary>
/// Norms, limits, policy and weights of a simulation. The defaults are the national standard and
/// the local norms of DOMAIN.md; every one can be changed by a scenario.
/// </summary>
public sealed record SimulationParameters
{
    /// <summary>Defaults throughout.</summary>
    public static SimulationParameters Default { get; } = new();

    /// <summary>First simulated term; the base enrolment describes this term. Default 2020-autumn.</summary>
    public Term Start { get; init; } = Term.Base;

    /// <summary>Last simulated term. Default 2025-autumn.</summary>
    public Term Horizon { get; init; } = Term.DefaultHorizon;

    /// <summary>
    /// Primary students (grades 1–6 together) per 1,000 residents; a fully occupied area starts
    /// population × norm / 1000 / 6 pupils in grade 1 each year. Default 70 (DOMAIN.md: 70–85).
    /// </summary>
    public double PrimaryNormPerThousand { get; init; } = 70;

    /// <summary>Junior students (grades 7–9 together) per 1,000 residents. Default 35 (DOMAIN.md: 35–42).</summary>
    public double JuniorNormPerThousand { get; init; } = 35;

    /// <summary>
    /// Size and class limits (and the rest of the national standard): the one home of 2,000 / 2,500
    /// students per school and 45 / 50 per class. Default <see cref="Standard.National2017"/>.
    /// </summary>
    public Standard Standard { get; init; } = Standard.National2017;

    /// <summary>Who follows new catchments. Default <see cref="AssignmentPolicy.IntakeOnly"/>.</summary>
    public AssignmentPolicy Policy { get; init; } = AssignmentPolicy.IntakeOnly;

    /// <summary>Cost of moving one enrolled pupil to another school, in metres of travel it must save. Default 2,000.</summary>
    public double MoveCostMetres { get; init; } = 2000;

    /// <summary>
    /// Cost per pupil of sending an area's pupils to another school than last term's catchment, in
    /// metres. Keeps catchments stable when two schools are almost equally near. Default 100.
    /// </summary>
    public double CatchmentChangeCostMetres { get; init; } = 100;

    /// <summary>
    /// Cost per pupil beyond a school's or a grade's capacity, in metres. It makes overflow the last
    /// resort; overflowing pupils are reported as a shortfall. Default 10,000 km.
    /// </summary>
    public double OverflowCostMetres { get; init; } = 10_000_000;

    /// <summary>When true an area's pupils may be shared between schools; otherwise each area goes whole to one school per level.</summary>
    public bool AllowSplitting { get; init; }

    /// <summary>Nearest schools considered for an area, per level (its current school is always considered too). Default 8.</summary>
    public int CandidateSchools { get; init; } = 8;

    /// <summary>Schools farther than this from an area are not considered (except its current school); null for no limit.</summary>
    public double? MaxCandidateDistanceMetres { get; init; }

    /// <summary>
    /// When true, each term's catchments are made contiguous where the data allows: an area cut off
    /// from the rest of its school's catchment (the school's own site counting as inside it) is moved to
    /// a school whose catchment it borders, or the areas between are joined to it, whichever costs least
    /// without leaving a pupil short of a seat. Needs the areas' adjacency and whole areas. Default false.
    /// </summary>
    public bool ContiguousCatchments { get; init; }

    /// <summary>
    /// Least share (0–1) of its seats that a new or expanded school should fill in the term it opens or
    /// grows, from pupils placed that term who live nearer to it than to their present school; each
    /// pupil short of it costs <see cref="UnderFillCostMetres"/>. 0, the default, sets no target.
    /// </summary>
    public double OpeningFillShare { get; init; }

    /// <summary>
    /// Cost per pupil that a new or expanded school lacks to reach its <see cref="OpeningFillShare"/>, in
    /// metres. Above the move cost, so that the target is worth moving pupils for; far below the
    /// overflow cost, so that it never costs a seat. Default 5,000.
    /// </summary>
    public double UnderFillCostMetres { get; init; } = 5000;

    /// <summary>Solver limits.</summary>
    public SolverOptions Solver { get; init; } = SolverOptions.Default;

    /// <summary>Class limit of <paramref name="grade"/> (1–9), from <see cref="Standard"/>.</summary>
    public int ClassLimit(int grade) => Standard.ClassLimit(grade);

    /// <summary>Size limit of a school of <paramref name="level"/>, from <see cref="Standard"/>.</summary>
    public int SizeLimit(SchoolLevel level) => Standard.SizeLimit(level);
}
