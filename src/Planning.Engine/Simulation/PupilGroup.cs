namespace Planning.Engine.Simulation;

/// <summary>Pupils of one area and grade enrolled at one school.</summary>
internal readonly record struct PupilGroup(int Grade, int School, int Count);

/// <summary>Pupils of one area and grade waiting to be placed this term.</summary>
/// <param name="Grade">Grade 1–9.</param>
/// <param name="From">School they were at last term, or −1 for new pupils.</param>
/// <param name="Count">Pupils.</param>
/// <param name="IsTransition">Grade-6 leavers entering grade 7: changing school is then no move when their school has no grade 7.</param>
internal readonly record struct PendingPupils(int Grade, int From, int Count, bool IsTransition);
