using System.Globalization;
using Planning.Engine.Rules;
using Planning.Server.Common;

namespace Planning.Server.Dataset;

/// <summary>
/// A school's base-term <c>enrolment</c> against the pupils its areas list (docs/dataset-format.md):
/// the areas of an upload that give their <c>students</c> and name the school for a grade's part
/// account for that many of its pupils, so more than its enrolment is a contradiction, refused
/// naming both figures. Fewer is normal: the rest live in areas whose students are not known, and
/// a run places them there (or at the school) so that the enrolment is what the run starts from.
/// </summary>
internal static class EnrolmentChecks
{
    public static void Check(DatasetFeatures upload, Problems problems)
    {
        var known = new Dictionary<string, (int[] Pupils, List<string> Areas)>(StringComparer.Ordinal);
        foreach (var area in upload.ResidentialAreas.Where(a => a.Students is { Length: Grades.Count }))
        {
            foreach (var (part, school) in new[] { (SchoolPart.Primary, area.SchoolPrimary), (SchoolPart.Junior, area.SchoolJunior) })
            {
                if (school is null)
                {
                    continue;
                }
                if (!known.TryGetValue(school, out var entry))
                {
                    known[school] = entry = (new int[Grades.Count], []);
                }
                foreach (var grade in Grades.Of(part))
                {
                    entry.Pupils[grade - 1] += area.Students![grade - 1];
                }
                entry.Areas.Add(area.Code);
            }
        }
        for (var i = 0; i < upload.Schools.Count; i++)
        {
            var school = upload.Schools[i];
            if (!known.TryGetValue(school.Code, out var entry) || school.Enrolment.Length != Grades.Count)
            {
                continue;
            }
            foreach (var grade in Grades.All.Where(g => entry.Pupils[g - 1] > school.Enrolment[g - 1]))
            {
                problems.Add($"{LayerNames.Schools}[{i}].enrolment[{grade - 1}]", string.Create(CultureInfo.InvariantCulture,
                    $"grade {grade}: the school's enrolment is {school.Enrolment[grade - 1]}, but the areas it serves list {entry.Pupils[grade - 1]} pupils in that grade ({string.Join(", ", entry.Areas.Distinct().Take(5))}{(entry.Areas.Distinct().Count() > 5 ? ", …" : "")}); make the enrolment at least what its areas list"));
            }
        }
    }
}
