using Planning.Engine.Results;
using Planning.Engine.Terms;

namespace Planning.Engine.Comparison;

/// <summary>Two runs side by side in one term.</summary>
/// <param name="Term">The term.</param>
/// <param name="Flows">Pupils at a different school in the second run, by (from, to), most pupils first.</param>
/// <param name="StudentsAtOtherSchool">Sum of <paramref name="Flows"/>.</param>
/// <param name="DistanceBefore">Travel distance in the first run, all grades.</param>
/// <param name="DistanceAfter">Travel distance in the second run, all grades.</param>
/// <param name="ViolationsBefore">Broken limits in the first run.</param>
/// <param name="ViolationsAfter">Broken limits in the second run.</param>
public sealed record TermComparison(
    Term Term,
    IReadOnlyList<StudentFlow> Flows,
    int StudentsAtOtherSchool,
    DistanceStats DistanceBefore,
    DistanceStats DistanceAfter,
    IReadOnlyList<Violation> ViolationsBefore,
    IReadOnlyList<Violation> ViolationsAfter);
