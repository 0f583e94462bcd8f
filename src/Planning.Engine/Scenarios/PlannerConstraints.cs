using Planning.Engine.Rules;
using Planning.Engine.Terms;

namespace Planning.Engine.Scenarios;

/// <summary>
/// A planner's pin: from <paramref name="From"/> on, <paramref name="AreaCode"/>'s pupils of
/// <paramref name="Part"/> go to <paramref name="SchoolCode"/>, whatever the optimiser would prefer.
/// A later pin of the same area and level takes over from its own term.
/// </summary>
/// <param name="Change">Index of the scenario change that made the pin, as the scenario numbers its changes.</param>
/// <param name="AreaCode">The area.</param>
/// <param name="Part">The level pinned.</param>
/// <param name="SchoolCode">The school it goes to; it must teach <paramref name="Part"/>.</param>
/// <param name="From">First term the pin holds.</param>
public sealed record AreaPin(int Change, string AreaCode, SchoolPart Part, string SchoolCode, Term From);

/// <summary>
/// A planner's lock of a school's catchment at one level from a term on: the areas in it when the lock
/// begins stay with the school, and no other area joins it.
/// </summary>
/// <param name="Change">Index of the scenario change that made the lock.</param>
/// <param name="SchoolCode">The school.</param>
/// <param name="Part">The level locked.</param>
/// <param name="From">First term the lock holds; its areas are those of the catchment at the start of that term.</param>
public sealed record SchoolLock(int Change, string SchoolCode, SchoolPart Part, Term From);
