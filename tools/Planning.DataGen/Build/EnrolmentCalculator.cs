using Planning.DataGen.Model;

namespace Planning.DataGen.Build;

/// <summary>A school's base-term enrolment is, by definition, the sum of its areas' students in the grades it teaches.</summary>
public static class EnrolmentCalculator
{
    public static void Apply(IReadOnlyList<School> schools, IReadOnlyList<ResidentialArea> areas)
    {
        foreach (var school in schools)
        {
            Array.Clear(school.Enrolment);
        }

        foreach (var area in areas.Where(a => a.Students is not null))
        {
            for (var g = 0; g < 9; g++)
            {
                var school = g < 6 ? area.PrimarySchool : area.JuniorSchool;
                if (school is not null)
                {
                    school.Enrolment[g] += area.Students![g];
                }
            }
        }
    }
}
