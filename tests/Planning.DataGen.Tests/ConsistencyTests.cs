using System.Text.RegularExpressions;

namespace Planning.DataGen.Tests;

[Collection(GeneratedDatasetCollection.Name)]
public sealed class ConsistencyTests(GeneratedDatasetFixture fixture)
{
    private LoadedLayers Layers => fixture.Layers;

    [Fact]
    public void SchoolEnrolment_PerGrade_EqualsSumOfItsAreasStudents()
    {
        foreach (var school in Layers.Schools)
        {
            var expected = new int[9];
            foreach (var area in Layers.ResidentialAreas)
            {
                var students = area.Ints("students");
                if (students is null)
                {
                    continue;
                }

                for (var g = 0; g < 9; g++)
                {
                    var attends = g < 6 ? area.StrOrNull("school_primary") : area.StrOrNull("school_junior");
                    if (attends == school.Code)
                    {
                        expected[g] += students[g];
                    }
                }
            }

            Assert.Equal(expected, school.Ints("enrolment"));
        }
    }

    [Fact]
    public void Codes_AcrossAllLayers_AreUnique()
    {
        var codes = new[] { Layers.District }.Concat(Layers.AdminAreas).Concat(Layers.Schools).Concat(Layers.ResidentialAreas)
            .Select(f => f.Code)
            .ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        var names = Layers.Schools.Concat(Layers.ResidentialAreas).Select(f => f.Str("name")).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Codes_ByLayer_FollowTheirPatterns()
    {
        Assert.Equal("120115", Layers.District.Code);
        Assert.All(Layers.AdminAreas, a => Assert.Matches(@"^120115(00\d|1\d\d)$", a.Code));
        Assert.All(Layers.Schools, s => Assert.Matches(
            s.Str("level") switch { "primary" => @"^BD-P-\d{3}$", "junior" => @"^BD-J-\d{3}$", _ => @"^BD-N-\d{3}$" },
            s.Code));
        Assert.All(Layers.Compounds, c => Assert.Matches(@"^BD-C-\d{4}$", c.Code));
        Assert.All(Layers.Villages, v => Assert.Matches("^" + Regex.Escape(v.Str("admin_area")) + @"\d{3}$", v.Code));
    }

    [Fact]
    public void References_FromSchoolsAndAreas_AllResolve()
    {
        var adminCodes = Layers.AdminAreas.Select(a => a.Code).ToHashSet();
        var schools = Layers.Schools.ToDictionary(s => s.Code);
        Assert.All(Layers.Schools, s => Assert.Contains(s.Str("admin_area"), adminCodes));
        foreach (var area in Layers.ResidentialAreas)
        {
            Assert.Contains(area.Str("admin_area"), adminCodes);
            if (area.StrOrNull("school_primary") is { } primary)
            {
                Assert.True(schools.TryGetValue(primary, out var school), $"{area.Code}: unknown school {primary}");
                Assert.NotEqual("junior", school.Str("level"));
            }

            if (area.StrOrNull("school_junior") is { } junior)
            {
                Assert.True(schools.TryGetValue(junior, out var school), $"{area.Code}: unknown school {junior}");
                Assert.NotEqual("primary", school.Str("level"));
            }
        }
    }

    [Fact]
    public void OccupiedAreas_InBaseTerm_HaveStudentsAndSchools()
    {
        foreach (var area in Layers.ResidentialAreas)
        {
            var from = area.StrOrNull("occupied_from");
            var occupied = from is null || Terms.Ordinal(from) <= Terms.Ordinal(Terms.Base);
            Assert.Equal(occupied, area.Ints("students") is not null);
            Assert.Equal(occupied, area.StrOrNull("school_primary") is not null);
            Assert.Equal(occupied, area.StrOrNull("school_junior") is not null);
        }
    }

    [Fact]
    public void OccupancyRamps_OfNewCompounds_RiseToFullWithinRange()
    {
        foreach (var area in Layers.ResidentialAreas)
        {
            var from = area.StrOrNull("occupied_from");
            var ramp = area.Properties.GetProperty("occupancy_ramp");
            if (from is null)
            {
                Assert.Equal(System.Text.Json.JsonValueKind.Null, ramp.ValueKind);
                continue;
            }

            Assert.Equal("compound", area.Str("kind"));
            Assert.InRange(Terms.Ordinal(from), Terms.Ordinal("2020-autumn"), Terms.Ordinal("2022-autumn"));
            var shares = ramp.EnumerateArray().Select(e => e.GetDouble()).ToList();
            Assert.All(shares, s => Assert.InRange(s, 0.0, 1.0));
            Assert.Equal(shares.OrderBy(s => s), shares);
            Assert.Equal(1.0, shares[^1]);
        }
    }

    [Fact]
    public void Populations_OfDistrictAdminAreasAndResidentialAreas_AddUp()
    {
        var district = Layers.District.Int("population");
        Assert.Equal(722_367, district);
        Assert.Equal(district, Layers.AdminAreas.Sum(a => a.Int("population")));
        foreach (var admin in Layers.AdminAreas)
        {
            Assert.Equal(admin.Int("population"), Layers.ResidentialAreas.Where(r => r.Str("admin_area") == admin.Code).Sum(r => r.Int("population")));
        }

        var urbanShare = (double)Layers.Streets.Sum(s => s.Int("population")) / district;
        Assert.InRange(urbanShare, 0.423, 0.433);
    }

    [Fact]
    public void Households_OfEveryArea_AreAboutPopulationOver258()
    {
        foreach (var area in Layers.ResidentialAreas)
        {
            var expected = area.Int("population") / 2.58;
            Assert.InRange(area.Int("households"), (0.95 * expected) - 1, (1.05 * expected) + 1);
        }
    }

    [Fact]
    public void AdminAreas_AllOfThem_AreFlaggedApproximate()
    {
        Assert.All(Layers.AdminAreas, a => Assert.True(a.Properties.GetProperty("approximate").GetBoolean()));
    }
}
