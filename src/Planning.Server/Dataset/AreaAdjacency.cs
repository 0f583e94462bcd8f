using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Npgsql;
using Planning.Engine.Spatial;
using Planning.Server.Data;

namespace Planning.Server.Dataset;

/// <summary>
/// Which residential areas are neighbours, computed with PostGIS and stored in area_adjacency. The rule,
/// once: two areas are neighbours when their polygons come within <see cref="GapMetres"/> of each other
/// (villages share edges; the compounds of a street are separated by roads) and face each other along
/// at least <see cref="FrontageMetres"/>: the length of each one's boundary lying within the gap of the
/// other, the shorter of the two, so that corners meeting across a crossing do not count. Lengths are
/// measured in the UTM zone of the data's centre (docs/dataset-format.md).
/// </summary>
public static class AreaAdjacency
{
    /// <summary>Widest road between two neighbours, metres.</summary>
    public const double GapMetres = 100;

    /// <summary>Shortest stretch along which two neighbours must face each other, metres.</summary>
    public const double FrontageMetres = 30;

    /// <summary>
    /// Pairs of <c>left</c> × <c>right</c> (relations of id, code, boundary in SRID 4326) that are neighbours,
    /// as (low id, high id, low code, high code, gap, frontage). The box test (0.003°, more than the gap below
    /// 70° of latitude) lets PostGIS use the boundaries' index before the exact test in metres.
    /// </summary>
    private static string Pairs(string left, string right, string condition) => $"""
        SELECT LEAST(a.id, b.id), GREATEST(a.id, b.id),
               CASE WHEN a.id < b.id THEN a.code ELSE b.code END, CASE WHEN a.id < b.id THEN b.code ELSE a.code END,
               m.gap, m.frontage
        FROM {left} a JOIN {right} b ON a.id <> b.id AND a.boundary && ST_Expand(b.boundary, 0.003) AND ({condition})
        CROSS JOIN LATERAL (SELECT ST_Transform(a.boundary, @srid) AS ga, ST_Transform(b.boundary, @srid) AS gb) p
        CROSS JOIN LATERAL (SELECT ST_Distance(p.ga, p.gb) AS gap,
                                   LEAST(ST_Length(ST_Intersection(ST_Boundary(p.ga), ST_Buffer(p.gb, @gap))),
                                         ST_Length(ST_Intersection(ST_Boundary(p.gb), ST_Buffer(p.ga, @gap)))) AS frontage) m
        WHERE ST_DWithin(p.ga, p.gb, @gap) AND m.frontage >= @frontage
        """;

    /// <summary>Computes every pair again (after an import), inside the caller's transaction.</summary>
    public static async Task RebuildAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = Command(connection, $"""
            DELETE FROM area_adjacency;
            INSERT INTO area_adjacency (area_id, neighbour_id, gap_m, frontage_m)
            SELECT q.lo, q.hi, q.gap, q.frontage FROM ({Pairs("residential_areas", "residential_areas", "a.id < b.id")}) AS q(lo, hi, lc, hc, gap, frontage)
            """, await SridAsync(connection, ct));
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Computes the pairs of one area again (after it was added or its boundary edited).</summary>
    public static async Task RebuildAsync(NpgsqlConnection connection, long areaId, CancellationToken ct)
    {
        await using var command = Command(connection, $"""
            DELETE FROM area_adjacency WHERE area_id = @id OR neighbour_id = @id;
            INSERT INTO area_adjacency (area_id, neighbour_id, gap_m, frontage_m)
            SELECT q.lo, q.hi, q.gap, q.frontage FROM ({Pairs("residential_areas", "residential_areas", "a.id = @id")}) AS q(lo, hi, lc, hc, gap, frontage)
            """, await SridAsync(connection, ct));
        command.Parameters.AddWithValue("id", areaId);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Fills the table once for data imported before it existed (at start-up).</summary>
    public static async Task FillIfMissingAsync(PlanningDb db, CancellationToken ct = default)
    {
        if (await db.AreaAdjacency.AnyAsync(ct) || !await db.ResidentialAreas.AnyAsync(ct))
        {
            return;
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await RebuildAsync(connection, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Every stored pair, by code.</summary>
    public static async Task<List<AreaLink>> LoadAsync(PlanningDb db, CancellationToken ct) =>
        await (from x in db.AreaAdjacency
               join a in db.ResidentialAreas on x.AreaId equals a.Id
               join b in db.ResidentialAreas on x.NeighbourId equals b.Id
               orderby a.Code, b.Code
               select new AreaLink(a.Code, b.Code)).ToListAsync(ct);

    /// <summary>The pairs of areas a scenario adds, with the stored areas and with each other (nothing is stored).</summary>
    public static async Task<List<AreaLink>> ForAddedAsync(PlanningDb db, IReadOnlyList<(string Code, Geometry Boundary)> added, CancellationToken ct)
    {
        if (added.Count == 0)
        {
            return [];
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            const string Added = "(SELECT -t.n AS id, t.code, ST_GeomFromWKB(t.wkb, 4326) AS boundary FROM unnest(@codes, @wkbs) WITH ORDINALITY AS t(code, wkb, n))";
            var both = $"(SELECT * FROM {Added} x UNION ALL SELECT id, code, boundary FROM residential_areas)";
            await using var command = Command(connection, Pairs(Added, both, "a.id < b.id OR b.id > 0"), await SridAsync(connection, ct));
            var writer = new WKBWriter();
            command.Parameters.AddWithValue("codes", added.Select(a => a.Code).ToArray());
            command.Parameters.AddWithValue("wkbs", added.Select(a => writer.Write(a.Boundary)).ToArray());
            await using var reader = await command.ExecuteReaderAsync(ct);
            var links = new List<AreaLink>();
            while (await reader.ReadAsync(ct))
            {
                links.Add(new AreaLink(reader.GetString(2), reader.GetString(3)));
            }

            return links;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The UTM zone (WGS84) of the stored areas' centre, else of Baodi.</summary>
    private static async Task<int> SridAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT CASE WHEN ST_Y(c) < 0 THEN 32700 ELSE 32600 END + LEAST(60, floor((ST_X(c) + 180) / 6)::int + 1)
            FROM (SELECT ST_Centroid(ST_Extent(boundary)::geometry) AS c FROM residential_areas) x WHERE c IS NOT NULL
            """, connection);
        return await command.ExecuteScalarAsync(ct) is int srid ? srid : 32650;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, int srid)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("srid", srid);
        command.Parameters.AddWithValue("gap", GapMetres);
        command.Parameters.AddWithValue("frontage", FrontageMetres);
        return command;
    }
}
