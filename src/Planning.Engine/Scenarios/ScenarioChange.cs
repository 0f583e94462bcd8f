using Planning.Engine.Inputs;
using Planning.Engine.Rules;
using Planning.Engine.Terms;

namespace Planning.Engine.Scenarios;

/// <summary>One what-if change to the base data. A scenario is the base input plus a list of changes, applied in order by <see cref="Scenario.Apply"/>.</summary>
public abstract record ScenarioChange;

/// <summary>Adds a new school (its first capacity step is its opening term).</summary>
/// <param name="School">The school; its code must be new.</param>
public sealed record OpenSchool(School School) : ScenarioChange;

/// <summary>Closes a school: from <paramref name="From"/> on it teaches nobody and its pupils are placed elsewhere.</summary>
/// <param name="SchoolCode">An existing school.</param>
/// <param name="From">First term without the school.</param>
public sealed record CloseSchool(string SchoolCode, Term From) : ScenarioChange;

/// <summary>Adds tracks to a school from a term on (later capacity steps keep the extra tracks).</summary>
/// <param name="SchoolCode">An existing school.</param>
/// <param name="From">First term with the extra tracks.</param>
/// <param name="AddPrimaryTracks">Extra classes per grade in grades 1–6 (may be negative to shrink).</param>
/// <param name="AddJuniorTracks">Extra classes per grade in grades 7–9 (may be negative to shrink).</param>
public sealed record ExpandSchool(string SchoolCode, Term From, int AddPrimaryTracks, int AddJuniorTracks) : ScenarioChange;

/// <summary>Adds a residential area, e.g. a planned compound with its occupancy ramp.</summary>
/// <param name="Area">The area; its code must be new.</param>
public sealed record AddResidentialArea(ResidentialArea Area) : ScenarioChange;

/// <summary>Pins an area to a school for a level from a term on (see <see cref="AreaPin"/>).</summary>
/// <param name="AreaCode">An existing area (base data or added by the scenario).</param>
/// <param name="Part">The level; null takes the school's only level (required for a nine-year school).</param>
/// <param name="SchoolCode">A school that teaches the level in <paramref name="From"/>.</param>
/// <param name="From">First term the pin holds, within the simulated terms.</param>
public sealed record PinArea(string AreaCode, SchoolPart? Part, string SchoolCode, Term From) : ScenarioChange;

/// <summary>Locks a school's catchment at a level from a term on (see <see cref="SchoolLock"/>).</summary>
/// <param name="SchoolCode">A school that teaches the level in <paramref name="From"/>.</param>
/// <param name="Part">The level; null takes the school's only level (required for a nine-year school).</param>
/// <param name="From">First term the lock holds, within the simulated terms.</param>
public sealed record LockSchool(string SchoolCode, SchoolPart? Part, Term From) : ScenarioChange;

/// <summary>Changes norms, policy or weights; a null field keeps its current value.</summary>
/// <param name="PrimaryNormPerThousand">Primary students per 1,000 residents.</param>
/// <param name="JuniorNormPerThousand">Junior students per 1,000 residents.</param>
/// <param name="Policy">Intake only or reassign.</param>
/// <param name="MoveCostMetres">Cost per moved pupil, metres.</param>
/// <param name="CatchmentChangeCostMetres">Cost per pupil of changing an area's school, metres.</param>
/// <param name="AllowSplitting">Whether areas may be split between schools.</param>
/// <param name="CandidateSchools">Nearest schools considered per area.</param>
/// <param name="MaxCandidateDistanceMetres">Farthest school considered, metres.</param>
/// <param name="Horizon">Last simulated term.</param>
/// <param name="ContiguousCatchments">Whether catchments are made contiguous.</param>
/// <param name="OpeningFillShare">Least share of its seats a new or expanded school fills when it opens.</param>
public sealed record ChangeParameters(
    double? PrimaryNormPerThousand = null,
    double? JuniorNormPerThousand = null,
    AssignmentPolicy? Policy = null,
    double? MoveCostMetres = null,
    double? CatchmentChangeCostMetres = null,
    bool? AllowSplitting = null,
    int? CandidateSchools = null,
    double? MaxCandidateDistanceMetres = null,
    Term? Horizon = null,
    bool? ContiguousCatchments = null,
    double? OpeningFillShare = null) : ScenarioChange;
