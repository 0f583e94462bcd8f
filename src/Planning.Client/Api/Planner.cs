namespace Planning.Client.Api;

/// <summary>A planner's move: the area's pupils of a level, and its catchment, to a school (part null: the school's only level).</summary>
public sealed record AreaMove(string AreaCode, string SchoolCode, SchoolPart? Part = null);

/// <summary>The consequences of moves in one term of a run; nothing is stored.</summary>
/// <param name="Schools">Every school that loses or gains pupils or areas.</param>
/// <param name="Areas">Each move as it lands.</param>
/// <param name="Catchments">Each catchment that changed, with its pieces before and after.</param>
/// <param name="AdjacencyKnown">False for a run stored without the areas' adjacency (pieces not counted).</param>
public sealed record WhatIfResult(
    string RunId,
    string Term,
    IReadOnlyList<WhatIfSchool> Schools,
    IReadOnlyList<WhatIfArea> Areas,
    IReadOnlyList<WhatIfCatchment> Catchments,
    int PupilsMoved,
    double MeanDistanceBeforeM,
    double MeanDistanceAfterM,
    double MaxDistanceBeforeM,
    double MaxDistanceAfterM,
    bool AdjacencyKnown);

/// <summary>One affected school before (as the run left it) and after the moves.</summary>
/// <param name="Seats">Tracks × class limit by grade 1–9.</param>
public sealed record WhatIfSchool(
    string SchoolCode,
    string SchoolName,
    SchoolTermResult Before,
    SchoolTermResult After,
    IReadOnlyList<int> Seats,
    IReadOnlyList<Violation> ViolationsBefore,
    IReadOnlyList<Violation> ViolationsAfter);

/// <summary>One moved area at one level.</summary>
public sealed record WhatIfArea(
    string AreaCode, SchoolPart Part, string FromSchoolCode, string ToSchoolCode, int Pupils, int PupilsMoved,
    double DistanceBeforeM, double DistanceAfterM);

/// <summary>A catchment that gains or loses areas, with its pieces (1 = contiguous).</summary>
public sealed record WhatIfCatchment(
    string SchoolCode, SchoolPart Part, int AreasBefore, int AreasAfter, int PartsBefore, int PartsAfter, bool Contiguous,
    IReadOnlyList<Enclave> EnclavesAfter);

/// <summary>Progress of a sweep: which value is running and that run's progress.</summary>
public sealed record SweepProgress(int Index, int Count, double Value, RunProgress? Run);

/// <summary>One row of a sweep's trade-off table.</summary>
/// <param name="PupilsMoved">Summed over the run's terms.</param>
/// <param name="MeanDistanceM">Student-weighted over all the run's terms.</param>
/// <param name="Violations">Schools over size plus grades over the class limit, summed over terms.</param>
public sealed record SweepRow(
    double Value, string RunId, int PupilsMoved, double MeanDistanceM, int Violations, int SeatsShort, int Enclaves,
    IReadOnlyList<TermSummary> Terms);

/// <summary>Pupils moved vs travel vs violations, one row per value.</summary>
public sealed record SweepTable(SweepSetting Setting, IReadOnlyList<SweepRow> Rows);

/// <summary>One message of a sweep: progress, or the table (last).</summary>
public sealed record SweepUpdate(SweepProgress? Progress, SweepTable? Table);
