using Microsoft.EntityFrameworkCore;
using Planning.Engine.Inputs;
using Planning.Engine.Rules;
using Planning.Engine.Terms;
using Planning.Server.Common;
using Planning.Server.Data;
using Engine = Planning.Engine;

namespace Planning.Server.Dataset;

/// <summary>The stored base dataset (and schools and areas a scenario adds) as the engine's simulation input.</summary>
public sealed class EngineInputs(PlanningDb db, SimulationParameters defaults)
{
    /// <summary>The parameters a run has when its scenario changes none: the server's standard and the engine's defaults.</summary>
    public SimulationParameters Defaults => defaults;

    /// <summary>
    /// The base data as the engine's input, with every school as an exchange feature (name, kind, resources)
    /// and the dataset generation it belongs to, all read from one snapshot of the database.
    /// </summary>
    public async Task<(SimulationInput Input, IReadOnlyList<SchoolFeature> Schools, long Generation)> LoadBaseAsync(CancellationToken ct)
    {
        // The generation's share lock keeps a replacing import out until every query below has read.
        await using var reading = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var generation = await DatasetGeneration.HoldAsync(db, ct);
        var schools = await db.Schools.AsNoTracking().AsSplitQuery()
            .Include(s => s.Capacity).Include(s => s.Resources).Include(s => s.AdminArea)
            .OrderBy(s => s.Code).ToListAsync(ct);
        var areas = await db.ResidentialAreas.AsNoTracking()
            .Include(a => a.SchoolPrimary).Include(a => a.SchoolJunior)
            .OrderBy(a => a.Code).ToListAsync(ct);
        if (schools.Count == 0)
        {
            throw new PreconditionFailedException("no dataset has been imported: there are no schools to simulate");
        }
        var input = new SimulationInput([.. schools.Select(ToEngine)], [.. areas.Select(ToEngine)], defaults)
        {
            Adjacency = await AreaAdjacency.LoadAsync(db, ct),
        };
        return (input, [.. schools.Select(FeatureProperties.ToFeature)], generation);
    }

    public static Engine.Inputs.School ToEngine(SchoolRow s) => new(
        s.Code,
        s.Level,
        new GeoPoint(s.Location.X, s.Location.Y),
        [.. s.Capacity.Select(c => new TrackStep(Term.Parse(c.FromTerm), c.PrimaryTracks, c.JuniorTracks)).OrderBy(t => t.From)],
        s.Enrolment);

    public static Engine.Inputs.ResidentialArea ToEngine(ResidentialAreaRow a) => new(
        a.Code,
        a.Kind,
        new GeoPoint(a.Centroid.X, a.Centroid.Y),
        a.Population,
        a.OccupiedFrom is null ? null : Term.Parse(a.OccupiedFrom),
        a.OccupancyRamp,
        a.Students,
        a.SchoolPrimary?.Code,
        a.SchoolJunior?.Code,
        a.Boundary);

    /// <summary>A school sent in a scenario (already checked).</summary>
    public static Engine.Inputs.School ToEngine(SchoolFeature s) => new(
        s.Code,
        s.Level,
        new GeoPoint(s.Location.X, s.Location.Y),
        [.. s.Tracks.Select(t => new TrackStep(Term.Parse(t.From), t.Primary, t.Junior)).OrderBy(t => t.From)],
        s.Enrolment);

    /// <summary>An area sent in a scenario (already checked); it stands at its interior point, as stored areas do.</summary>
    public static Engine.Inputs.ResidentialArea ToEngine(ResidentialAreaFeature a) => new(
        a.Code,
        a.Kind,
        new GeoPoint(a.Geometry.InteriorPoint.X, a.Geometry.InteriorPoint.Y),
        a.Population,
        a.OccupiedFrom is null ? null : Term.Parse(a.OccupiedFrom),
        a.OccupancyRamp,
        a.Students,
        a.SchoolPrimary,
        a.SchoolJunior,
        a.Geometry);
}
