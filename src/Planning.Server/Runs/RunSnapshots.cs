using System.Text.Json.Nodes;
using NetTopologySuite.Geometries;
using Planning.Engine.Inputs;
using Planning.Engine.Rules;
using Planning.Engine.Scenarios;
using Planning.Engine.Spatial;
using Planning.Engine.Terms;
using Planning.Server.Common;
using Planning.Server.Data;
using Planning.Server.Dataset;
using Planning.Server.Scenarios;

namespace Planning.Server.Runs;

/// <summary>Freezes a scenario ready to run into a <see cref="RunSnapshot"/>, and turns a snapshot back into the engine's input.</summary>
public static class RunSnapshots
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    /// <summary>The run's snapshot; a run stored before snapshots that start-up could not upgrade has none to read.</summary>
    public static RunSnapshot Read(RunRow run) => run.SnapshotFormat == RunSnapshot.CurrentFormat
        ? RunSnapshot.FromJson(run.SnapshotJson)
        : throw new PreconditionFailedException($"run {run.Id} was stored before runs kept their input; run it again");

    public static RunSnapshot Freeze(ScenarioInput scenario)
    {
        var input = scenario.Input;
        var features = scenario.Schools.GroupBy(s => s.Code).ToDictionary(g => g.Key, g => g.Last());
        var additions = scenario.Additions.ToLookup(a => a.SchoolCode, a => Record(a.Added));
        var p = input.Parameters;
        return new RunSnapshot(
            RunSnapshot.CurrentFormat,
            Record(p.Standard),
            new ParametersRecord(
                p.Start.ToString(), p.Horizon.ToString(), p.PrimaryNormPerThousand, p.JuniorNormPerThousand, p.Policy,
                p.MoveCostMetres, p.CatchmentChangeCostMetres, p.OverflowCostMetres, p.AllowSplitting, p.CandidateSchools,
                p.MaxCandidateDistanceMetres,
                new SolverRecord(p.Solver.TimeLimitSeconds, p.Solver.RelativeGap, p.Solver.Workers, p.Solver.MaxFreeAreas, p.Solver.MipNodes),
                p.ContiguousCatchments, p.OpeningFillShare, p.UnderFillCostMetres),
            [.. input.Schools.Select(s =>
            {
                var feature = features.GetValueOrDefault(s.Code);
                return new SchoolSnapshot(
                    s.Code, feature?.Name ?? s.Code, s.Level, feature is null ? "" : EnumNames.Name(EnumNames.Kinds, feature.Kind),
                    s.Location.Longitude, s.Location.Latitude,
                    [.. s.Tracks.Select(t => new TrackRecord(t.From.ToString(), t.PrimaryTracks, t.JuniorTracks))],
                    [.. s.BaseEnrolment], s.ClosedFrom?.ToString(),
                    [.. feature?.Resources.Select(Record) ?? []], [.. additions[s.Code]]);
            })],
            [.. input.Areas.Select(a => new AreaSnapshot(
                a.Code, a.Kind, a.Point.Longitude, a.Point.Latitude, a.Population, a.OccupiedFrom?.ToString(),
                a.OccupancyRamp, a.BaseStudents, a.PrimarySchool, a.JuniorSchool,
                a.Boundary is null ? null : JsonNode.Parse(GeoJsonFile.Write(a.Boundary))))],
            scenario.DatasetGeneration)
        {
            Pins = [.. input.Pins.Select(x => new PinRecord(x.Change, x.AreaCode, x.Part, x.SchoolCode, x.From.ToString()))],
            Locks = [.. input.Locks.Select(x => new LockRecord(x.Change, x.SchoolCode, x.Part, x.From.ToString()))],
            Adjacency = input.Adjacency is { } links ? [.. links.Select(l => (IReadOnlyList<string>)[l.AreaA, l.AreaB])] : null,
        };
    }

    /// <summary>The engine's input exactly as the run was started with it.</summary>
    public static SimulationInput ToInput(RunSnapshot snapshot)
    {
        var p = snapshot.Parameters;
        var parameters = SimulationParameters.Default with
        {
            Standard = Standard(snapshot.Standard),
            Start = Term.Parse(p.StartTerm),
            Horizon = Term.Parse(p.HorizonTerm),
            PrimaryNormPerThousand = p.PrimaryStudentsPer1000,
            JuniorNormPerThousand = p.JuniorStudentsPer1000,
            Policy = p.Policy,
            MoveCostMetres = p.MoveCostM,
            CatchmentChangeCostMetres = p.CatchmentChangeCostM,
            OverflowCostMetres = p.OverflowCostM,
            AllowSplitting = p.AllowSplit,
            CandidateSchools = p.CandidateSchools,
            MaxCandidateDistanceMetres = p.MaxCandidateDistanceM,
            Solver = new SolverOptions(p.Solver.TimeLimitSeconds, p.Solver.RelativeGap, p.Solver.Workers, p.Solver.MaxFreeAreas) { MipNodes = p.Solver.MipNodes },
            ContiguousCatchments = p.ContiguousCatchments,
            OpeningFillShare = p.OpeningFillShare,
            UnderFillCostMetres = p.UnderFillCostM,
        };
        return new SimulationInput(
            [.. snapshot.Schools.Select(s => new School(
                s.Code, s.Level, new GeoPoint(s.Lon, s.Lat),
                [.. s.Tracks.Select(t => new TrackStep(Term.Parse(t.From), t.Primary, t.Junior))],
                [.. s.Enrolment], s.ClosedFrom is null ? null : Term.Parse(s.ClosedFrom)))],
            [.. snapshot.Areas.Select(a => new ResidentialArea(
                a.Code, a.Kind, new GeoPoint(a.Lon, a.Lat), a.Population,
                a.OccupiedFrom is null ? null : Term.Parse(a.OccupiedFrom),
                a.OccupancyRamp, a.Students, a.SchoolPrimary, a.SchoolJunior,
                a.Boundary is null ? null : Boundary(a.Boundary)))],
            parameters)
        {
            Pins = [.. snapshot.Pins?.Select(x => new AreaPin(x.Change, x.AreaCode, x.Part, x.SchoolCode, Term.Parse(x.From))) ?? []],
            Locks = [.. snapshot.Locks?.Select(x => new SchoolLock(x.Change, x.SchoolCode, x.Part, Term.Parse(x.From))) ?? []],
            Adjacency = snapshot.Adjacency?.Select(pair => new AreaLink(pair[0], pair[1])).ToList(),
        };
    }

    public static Standard Standard(StandardRecord s) => Engine.Rules.Standard.National2017 with
    {
        Name = s.Name,
        SchoolSizeLimit = s.SchoolSizeLimit,
        NineYearSizeLimit = s.NineYearSizeLimit,
        PrimaryClassLimit = s.PrimaryClassLimit,
        JuniorClassLimit = s.JuniorClassLimit,
        MinimumMet = s.MinimumMet,
        FloorShare = s.FloorShare,
        PrimaryCoefficientCeiling = s.PrimaryCoefficientCeiling,
        JuniorCoefficientCeiling = s.JuniorCoefficientCeiling,
        PrimaryThresholds = s.PrimaryThresholds,
        JuniorThresholds = s.JuniorThresholds,
        // Snapshots written before the weight was a parameter were computed with the national 1.1.
        JuniorPupilWeight = s.JuniorPupilWeight ?? Engine.Rules.Standard.National2017.JuniorPupilWeight,
    };

    public static StandardRecord Record(Standard s) => new(
        s.Name, s.SchoolSizeLimit, s.NineYearSizeLimit, s.PrimaryClassLimit, s.JuniorClassLimit, s.MinimumMet, s.FloorShare,
        s.PrimaryCoefficientCeiling, s.JuniorCoefficientCeiling, s.PrimaryThresholds, s.JuniorThresholds, s.JuniorPupilWeight);

    private static ResourceRecord Record(ResourceFeature r) => new(
        r.Part, r.From, r.TeachersDegree, r.TeachersBackbone, r.TeachersPeArt, r.FloorAreaM2, r.SportsAreaM2,
        r.EquipmentValueYuan, r.MultimediaRooms);

    public static ResourceFeature Feature(ResourceRecord r) => new(
        r.Part, r.From, r.TeachersDegree, r.TeachersBackbone, r.TeachersPeArt, r.FloorAreaM2, r.SportsAreaM2,
        r.EquipmentValueYuan, r.MultimediaRooms);

    private static Geometry Boundary(JsonNode geoJson)
    {
        var problems = new Problems();
        var geometry = GeoJsonLayerReader.ParseGeometry(geoJson.ToJsonString(), "boundary", problems);
        return geometry ?? throw new InvalidOperationException("a run snapshot's area boundary does not read back");
    }
}
