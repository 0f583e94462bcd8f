using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;
using Planning.Server.Data;

namespace Planning.Server.Dataset;

/// <summary>Writes a validated upload with binary COPY, inside the caller's transaction.</summary>
public sealed class BulkWriter(NpgsqlConnection connection)
{
    /// <summary>Empties the base dataset; stored scenarios and runs built on it go with it.</summary>
    public async Task DeleteAllAsync(CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "TRUNCATE residential_areas, school_resources, school_capacity, schools, admin_areas, districts, dataset_imports, scenarios, runs RESTART IDENTITY CASCADE",
            connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task WriteAsync(DatasetFeatures upload, CancellationToken ct)
    {
        await connection.CopyAsync("districts (code, name, population, boundary, synthetic, credits)", upload.Districts, (w, d) =>
        {
            w.Write(d.Code);
            w.Write(d.Name);
            w.Write(d.Population);
            w.Write((Geometry)d.Geometry, NpgsqlDbType.Geometry);
            w.Write(d.Synthetic);
            w.Write(d.Credits.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        }, ct);

        var adminIds = await ReserveIdsAsync("admin_areas", upload.AdminAreas.Select(a => a.Code), ct);
        await connection.CopyAsync("admin_areas (id, code, name, kind, population, approximate, boundary)", upload.AdminAreas, (w, a) =>
        {
            w.Write(adminIds[a.Code]);
            w.Write(a.Code);
            w.Write(a.Name);
            w.Write(a.Kind.ToString());
            w.Write(a.Population);
            w.Write(a.Approximate);
            w.Write((Geometry)a.Geometry, NpgsqlDbType.Geometry);
        }, ct);
        await AddStoredIdsAsync("admin_areas", adminIds, ct);

        var schoolIds = await ReserveIdsAsync("schools", upload.Schools.Select(s => s.Code), ct);
        await connection.CopyAsync("schools (id, code, name, level, kind, admin_area_id, location, enrolment)", upload.Schools, (w, s) =>
        {
            w.Write(schoolIds[s.Code]);
            w.Write(s.Code);
            w.Write(s.Name);
            w.Write(s.Level.ToString());
            w.Write(s.Kind.ToString());
            w.Write(adminIds[s.AdminArea]);
            w.Write((Geometry)s.Location, NpgsqlDbType.Geometry);
            w.Write(s.Enrolment, NpgsqlDbType.Array | NpgsqlDbType.Integer);
        }, ct);
        var steps = upload.Schools.SelectMany(s => s.Tracks.Select(t => (Id: schoolIds[s.Code], Step: t)));
        await connection.CopyAsync("school_capacity (school_id, from_term, primary_tracks, junior_tracks)", steps, (w, x) =>
        {
            w.Write(x.Id);
            w.Write(x.Step.From);
            w.Write(x.Step.Primary);
            w.Write(x.Step.Junior);
        }, ct);
        var resources = upload.Schools.SelectMany(s => s.Resources.Select(r => (Id: schoolIds[s.Code], R: r)));
        await connection.CopyAsync(
            "school_resources (school_id, part, from_term, teachers_degree, teachers_backbone, teachers_pe_art, floor_area_m2, sports_area_m2, equipment_value_yuan, multimedia_rooms)",
            resources, (w, x) =>
            {
                w.Write(x.Id);
                w.Write(x.R.Part.ToString());
                w.Write(x.R.From);
                w.Write(x.R.TeachersDegree);
                w.Write(x.R.TeachersBackbone);
                w.Write(x.R.TeachersPeArt);
                w.Write(x.R.FloorAreaM2);
                w.Write(x.R.SportsAreaM2);
                w.Write(x.R.EquipmentValueYuan);
                w.Write(x.R.MultimediaRooms);
            }, ct);
        await AddStoredIdsAsync("schools", schoolIds, ct);

        await connection.CopyAsync(
            "residential_areas (code, name, kind, admin_area_id, boundary, centroid, population, households, occupied_from, occupancy_ramp, students, school_primary_id, school_junior_id)",
            upload.ResidentialAreas, (w, a) =>
            {
                w.Write(a.Code);
                w.Write(a.Name);
                w.Write(a.Kind.ToString());
                w.Write(adminIds[a.AdminArea]);
                w.Write((Geometry)a.Geometry, NpgsqlDbType.Geometry);
                w.Write(a.Geometry.InteriorPoint, NpgsqlDbType.Geometry);
                w.Write(a.Population);
                w.Write(a.Households);
                w.WriteNullable(a.OccupiedFrom, NpgsqlDbType.Varchar);
                w.WriteNullable(a.OccupancyRamp, NpgsqlDbType.Array | NpgsqlDbType.Double);
                w.WriteNullable(a.Students, NpgsqlDbType.Array | NpgsqlDbType.Integer);
                w.WriteNullable(a.SchoolPrimary is null ? (long?)null : schoolIds[a.SchoolPrimary], NpgsqlDbType.Bigint);
                w.WriteNullable(a.SchoolJunior is null ? (long?)null : schoolIds[a.SchoolJunior], NpgsqlDbType.Bigint);
            }, ct);
    }

    public async Task RecordImportAsync(string sha256, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO dataset_imports (sha256, imported_at) VALUES (@sha, now())", connection);
        command.Parameters.AddWithValue("sha", sha256);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Takes ids from the table's identity sequence so that rows can refer to each other before they are written.</summary>
    private async Task<Dictionary<string, long>> ReserveIdsAsync(string table, IEnumerable<string> codes, CancellationToken ct)
    {
        var list = codes.ToList();
        var ids = new Dictionary<string, long>(list.Count);
        if (list.Count == 0)
        {
            return ids;
        }
        await using var command = new NpgsqlCommand(
            $"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, @n)", connection);
        command.Parameters.AddWithValue("n", list.Count);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var i = 0;
        while (await reader.ReadAsync(ct))
        {
            ids[list[i++]] = reader.GetInt64(0);
        }
        return ids;
    }

    /// <summary>Adds the ids of rows stored before this upload (append mode) to a code → id map.</summary>
    private async Task AddStoredIdsAsync(string table, Dictionary<string, long> ids, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT code, id FROM {table}", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.TryAdd(reader.GetString(0), reader.GetInt64(1));
        }
    }
}
