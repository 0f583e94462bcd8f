using Planning.Engine.Rules;

namespace Planning.Engine.Results;

/// <summary>Why a pin or lock could not be held as it is in a term.</summary>
public enum ConstraintIssueKind
{
    /// <summary>The pinned or locked areas' pupils were placed in a grade or school over its limit (the pin held; the seats are short).</summary>
    Overfull,

    /// <summary>The school no longer teaches the level (it closed or lost its tracks): the area was placed by the optimiser instead.</summary>
    NotTaught,

    /// <summary>A pin and a lock disagree about an area; the pin held.</summary>
    Conflict,

    /// <summary>Every school within reach of an area is locked against it: its pupils went to the nearest school that is not.</summary>
    NoSchoolLeft,
}

/// <summary>
/// One pin or lock that made a term infeasible or could not be held, named by the scenario change that
/// made it. A run never drops a pin or lock silently: each term says so here.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="Change">Index of the scenario change (the pin or lock).</param>
/// <param name="AreaCode">The area concerned, when one is.</param>
/// <param name="SchoolCode">The school of the pin or lock.</param>
/// <param name="Part">The level.</param>
/// <param name="Grade">The grade over its limit, or null for the whole school (or when no limit is concerned).</param>
/// <param name="Students">Students counted against the limit (for <see cref="ConstraintIssueKind.Overfull"/>), else the area's pupils concerned.</param>
/// <param name="Limit">The limit (tracks × class limit, or the school's size limit); 0 when no limit is concerned.</param>
/// <param name="Message">Plain words, naming the change, the school and the grade.</param>
public sealed record ConstraintIssue(
    ConstraintIssueKind Kind,
    int Change,
    string? AreaCode,
    string SchoolCode,
    SchoolPart Part,
    int? Grade,
    int Students,
    int Limit,
    string Message);
