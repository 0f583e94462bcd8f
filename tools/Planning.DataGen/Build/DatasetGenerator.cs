using Planning.DataGen.Core;
using Planning.DataGen.Geo;
using Planning.DataGen.Model;
using Planning.DataGen.Sources;

namespace Planning.DataGen.Build;

/// <summary>Builds the whole dataset from the real sources and a seed. Same sources and seed, same dataset.</summary>
public static class DatasetGenerator
{
    public const ulong DefaultSeed = 20200901;

    /// <summary>Towns with a nine-year school: the two largest by area.</summary>
    private const int TownsWithNineYearSchool = 2;

    public static Dataset Generate(SourceData sources, ulong seed)
    {
        var random = new SeededRandom(seed);
        var projection = new LocalProjection(sources.DistrictCentre);
        var names = new NameGenerator(random.Fork("names"));
        var personsPerHousehold = sources.Census.PersonsPerHousehold;

        var admin = new AdminAreaBuilder(sources, projection, random.Fork("admin"));
        admin.Build();
        var villageSites = VillageSitePlanner.Plan(admin.Towns, projection, random.Fork("village-sites"));
        var territory = new TerritoryPartitioner(admin, projection);
        var villageGeometries = territory.Build(villageSites);
        PopulationPlanner.Apply(sources.Census, admin.Streets, admin.Towns, random.Fork("population"));
        var villages = VillageFactory.Create(admin.Towns, villageSites, villageGeometries, names, personsPerHousehold, random.Fork("villages"));

        var urbanSites = new UrbanSiteSelector(admin, projection, random.Fork("urban-sites"));
        urbanSites.Select(UrbanSchoolPlan.ExistingPrimaryTracks.Length, UrbanSchoolPlan.ExistingJuniorTracks.Length, UrbanSchoolPlan.NewSchools.Count);
        var newSchoolSites = urbanSites.New.Zip(UrbanSchoolPlan.NewSchools, (site, plan) => (site, plan.Opening)).ToList();
        var compounds = new CompoundBuilder(projection, random.Fork("compounds")).Build(admin.Streets, newSchoolSites, names, personsPerHousehold);
        var areas = compounds.Concat(villages).ToList();
        StudentGenerator.Apply(areas, random.Fork("students"));

        var urbanPlanner = new UrbanSchoolPlanner(projection);
        var urbanSchools = urbanPlanner.Create(urbanSites, admin.Streets);
        urbanPlanner.AssignBaseCatchments(urbanSchools, compounds);

        var ruralPlanner = new RuralSchoolPlanner(projection, random.Fork("town-schools"));
        var nineYearTowns = admin.Towns.OrderByDescending(t => t.Geometry.Area).Take(TownsWithNineYearSchool).ToHashSet();
        var townSchools = admin.Towns
            .SelectMany(town => ruralPlanner.Plan(town, villages.Where(v => v.AdminArea == town).ToList(), nineYearTowns.Contains(town)))
            .ToList();

        var schools = urbanSchools.Concat(townSchools).ToList();
        EnrolmentCalculator.Apply(schools, areas);
        ExpansionPlanner.Apply(townSchools, random.Fork("expansions"));
        new ResourceGenerator(random.Fork("resources")).Apply(schools);
        SchoolNamer.Apply(schools, villages);

        var adminAreas = admin.Streets.Concat(admin.Towns).ToList();
        return new Dataset(
            seed,
            sources.Census.Code,
            sources.Census.Name,
            sources.Census.Population,
            territory.District,
            adminAreas,
            schools,
            areas);
    }
}
