namespace Planning.Engine.Inputs;

/// <summary>Which pupils follow a new catchment.</summary>
public enum AssignmentPolicy
{
    /// <summary>
    /// Pupils already enrolled stay at their school ("grandfathering"); only new intake (grade 1,
    /// grade-7 entrants from primary-only schools), newly arrived residents and pupils of closed
    /// schools follow the new catchments.
    /// </summary>
    IntakeOnly,

    /// <summary>
    /// Any pupil may move, at <see cref="SimulationParameters.MoveCostMetres"/> per moved pupil: in
    /// the first simulated term, every autumn, and in a spring when a school opens that term.
    /// </summary>
    Reassign,
}
