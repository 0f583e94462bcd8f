using NetTopologySuite.Algorithm.Distance;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Planning.DataGen.Tests;

[Collection(GeneratedDatasetCollection.Name)]
public sealed class GeometryTests(GeneratedDatasetFixture fixture)
{
    private LoadedLayers Layers => fixture.Layers;

    [Fact]
    public void AllGeometries_AfterReadingBack_AreValidAndNonEmpty()
    {
        var all = new[] { Layers.District }.Concat(Layers.AdminAreas).Concat(Layers.Schools).Concat(Layers.ResidentialAreas);
        foreach (var feature in all)
        {
            Assert.False(feature.Geometry.IsEmpty, $"{feature.Code} is empty");
            Assert.True(feature.Geometry.IsValid, $"{feature.Code} is not valid");
        }
    }

    [Fact]
    public void AllGeometries_ComparedWithDistrictOutline_LieInside()
    {
        var district = Layers.District.Geometry;
        foreach (var feature in Layers.AdminAreas.Concat(Layers.Schools).Concat(Layers.ResidentialAreas))
        {
            Assert.True(district.Covers(feature.Geometry), $"{feature.Code} is not inside the district");
        }
    }

    [Fact]
    public void DistrictOutline_ComparedWithOsmSource_HasSameShapeWithinRounding()
    {
        var source = LoadedSourceOutline();
        var written = Layers.District.Geometry;

        var shift = DiscreteHausdorffDistance.Distance(source, written);
        Assert.True(shift < 2e-6, $"outline moved up to {shift} degrees from the OSM outline");
        Assert.Equal(source.Area, written.Area, 1e-6 * source.Area);
    }

    [Fact]
    public void AdminAreas_Together_CoverDistrictWithoutOverlap()
    {
        AssertNoInteriorOverlap(Layers.AdminAreas);
        var total = Layers.AdminAreas.Sum(a => a.Geometry.Area);
        Assert.Equal(Layers.District.Geometry.Area, total, 1e-9);
    }

    [Fact]
    public void Villages_WithinEachTown_CoverTownWithoutOverlap()
    {
        AssertNoInteriorOverlap(Layers.ResidentialAreas);
        foreach (var town in Layers.AdminAreas.Where(a => a.Str("kind") == "town"))
        {
            var villages = Layers.Villages.Where(v => v.Str("admin_area") == town.Code).ToList();
            foreach (var village in villages)
            {
                Assert.True(town.Geometry.Covers(village.Geometry), $"{village.Code} is not inside {town.Code}");
            }

            Assert.Equal(town.Geometry.Area, villages.Sum(v => v.Geometry.Area), 1e-9);
        }
    }

    [Fact]
    public void Compounds_ComparedWithTheirStreet_LieInside()
    {
        foreach (var compound in Layers.Compounds)
        {
            var street = Layers.AdminAreas.Single(a => a.Code == compound.Str("admin_area"));
            Assert.Equal("street", street.Str("kind"));
            Assert.True(street.Geometry.Covers(compound.Geometry), $"{compound.Code} is not inside {street.Code}");
        }
    }

    [Fact]
    public void Schools_ComparedWithTheirAdminArea_LieInside()
    {
        foreach (var school in Layers.Schools)
        {
            Assert.IsType<Point>(school.Geometry);
            var area = Layers.AdminAreas.Single(a => a.Code == school.Str("admin_area"));
            Assert.True(area.Geometry.Covers(school.Geometry), $"{school.Code} is not inside {area.Code}");
        }
    }

    [Fact]
    public void Coordinates_InWrittenFiles_HaveAtMostSixDecimals()
    {
        var text = File.ReadAllText(Path.Combine(fixture.Directory, Output.DatasetWriter.ResidentialAreasFile));
        Assert.DoesNotMatch(@"\d+\.\d{7,}", text);
    }

    private static void AssertNoInteriorOverlap(IReadOnlyList<LoadedFeature> features)
    {
        var index = new STRtree<LoadedFeature>();
        foreach (var feature in features)
        {
            index.Insert(feature.Geometry.EnvelopeInternal, feature);
        }

        foreach (var feature in features)
        {
            foreach (var other in index.Query(feature.Geometry.EnvelopeInternal))
            {
                if (string.CompareOrdinal(feature.Code, other.Code) >= 0)
                {
                    continue;
                }

                Assert.False(
                    feature.Geometry.Relate(other.Geometry, "T********"),
                    $"{feature.Code} and {other.Code} overlap");
            }
        }
    }

    private static Geometry LoadedSourceOutline()
    {
        var sources = Planning.DataGen.Sources.SourceLoader.Load(TestPaths.Sources);
        return sources.DistrictOutline;
    }
}
