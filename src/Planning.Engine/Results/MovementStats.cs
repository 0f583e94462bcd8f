namespace Planning.Engine.Results;

/// <summary>Pupils coming, going and moving in one term.</summary>
/// <param name="Intake">New grade-1 pupils (autumn).</param>
/// <param name="Arrivals">Pupils of residents who moved into newly occupied housing.</param>
/// <param name="Leavers">Grade-9 pupils who left (autumn).</param>
/// <param name="Moved">
/// Enrolled pupils at another school than last term, including pupils of closed schools and
/// nine-year pupils not kept for grade 7, but not grade-6 leavers of primary-only schools.
/// </param>
/// <param name="AwayFromBaseSchool">Pupils not at the school that served their area at their level in the first term (areas with such a school only).</param>
public sealed record MovementStats(int Intake, int Arrivals, int Leavers, int Moved, int AwayFromBaseSchool);
