using Planning.Client.Api;

namespace Planning.Cli.Maps;

/// <summary>The base data's violations, with the limits of the server's <see cref="Rules"/>: without a run the server reports none.</summary>
public static class BaseViolations
{
    /// <summary>The size and class violations of a school's base-term enrolment under the tracks in force in a term.</summary>
    public static IEnumerable<Violation> Of(School school, string term, Rules rules)
    {
        var sizeLimit = rules.SizeLimit(school.Level);
        if (school.TotalEnrolment > sizeLimit)
        {
            yield return new Violation(ViolationKind.SchoolSize, school.Code, 0, school.TotalEnrolment, sizeLimit, [],
                $"{school.TotalEnrolment:N0} students, limit {sizeLimit:N0}");
        }
        var step = school.CapacityIn(term);
        foreach (var grade in rules.AllGrades.Where(g => g <= school.Enrolment.Count))
        {
            var students = school.Enrolment[grade - 1];
            var band = rules.BandOf(grade);
            var tracks = step is null ? 0 : band.Part == SchoolPart.Primary ? step.PrimaryTracks : step.JuniorTracks;
            var limit = tracks * band.ClassLimit;
            if (students > limit)
            {
                yield return new Violation(ViolationKind.ClassSize, school.Code, grade, students, limit, [],
                    $"grade {grade}: {students} students in {tracks} classes of at most {band.ClassLimit}");
            }
        }
    }
}
