using Planning.Server.Data;
using Planning.Server.Schools;
using V1 = Planning.V1;

namespace Planning.Server.Runs;

/// <summary>
/// The one reader of the additions a run was computed with (its scenario's AddResources changes), as frozen in
/// its snapshot when it started, with the schools' names of that moment: GetRunAdditions and the printed report.
/// </summary>
public static class RunAdditions
{
    /// <summary>School by school in the snapshot's order, each school's in the order of the scenario's changes.</summary>
    public static IReadOnlyList<V1.RunAddition> Read(RunRow run) =>
        [.. RunSnapshots.Read(run).Schools.SelectMany(school => school.Additions.Select(added => new V1.RunAddition
        {
            SchoolCode = school.Code,
            SchoolName = school.Name,
            Added = SchoolMapping.ToProto(RunSnapshots.Feature(added)),
        }))];
}
