using System.Text.Json.Nodes;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Planning.Server.Common;

namespace Planning.Server.Dataset;

/// <summary>Writes one feature table as an OGC GeoPackage 1.3 file in EPSG:4326.</summary>
public static class GeoPackageFile
{
    public const string ContentType = "application/geopackage+sqlite3";

    private const string Wgs84Wkt =
        "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4326\"]]";

    /// <summary>Writes the GeoPackage file at <paramref name="path"/> (a new file: SQLite needs one of its own).</summary>
    public static async Task WriteAsync(string table, IReadOnlyList<ExportFeature> features, string path, CancellationToken ct)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(ct);
        await using var transaction = connection.BeginTransaction();
        var columns = ColumnsOf(features);
        var geometryType = GeometryTypeOf(features);
        await ExecuteAsync(connection, transaction, CreateSchema(table, columns, geometryType), ct);
        await InsertContentsAsync(connection, transaction, table, geometryType, features, ct);
        await ExecuteAsync(connection, transaction,
            $"INSERT INTO gpkg_geometry_columns VALUES ('{table}', 'geom', '{geometryType}', 4326, 0, 0)", ct);
        await InsertFeaturesAsync(connection, transaction, table, columns, features, ct);
        await transaction.CommitAsync(ct);
    }

    private sealed record Column(string Name, string SqlType);

    private static List<Column> ColumnsOf(IReadOnlyList<ExportFeature> features)
    {
        var names = features.SelectMany(f => f.Properties.Select(p => p.Key)).Distinct().ToList();
        return [.. names.Select(name =>
        {
            var values = features.Select(f => f.Properties[name]).Where(v => v is not null).ToList();
            string type;
            if (values.Count == 0 || values.Any(v => v is not JsonValue))
            {
                type = "TEXT";
            }
            else if (values.All(v => v!.GetValueKind() is JsonValueKind.True or JsonValueKind.False))
            {
                type = "BOOLEAN";
            }
            else if (values.All(v => v!.GetValueKind() == JsonValueKind.Number))
            {
                type = values.All(v => ((JsonValue)v!).TryGetValue<long>(out _) || ((JsonValue)v!).TryGetValue<int>(out _))
                    ? "INTEGER"
                    : "REAL";
            }
            else
            {
                type = "TEXT";
            }
            return new Column(name, type);
        })];
    }

    private static string GeometryTypeOf(IReadOnlyList<ExportFeature> features) =>
        features.Count > 0 && features.All(f => f.Geometry is Point) ? "POINT" : "MULTIPOLYGON";

    private static string CreateSchema(string table, List<Column> columns, string geometryType) => $"""
        PRAGMA application_id = 1196444487;
        PRAGMA user_version = 10300;
        CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY,
          organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
        INSERT INTO gpkg_spatial_ref_sys VALUES
          ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
          ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
          ('WGS 84 geodetic', 4326, 'EPSG', 4326, '{Wgs84Wkt}', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
        CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
          description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
          min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
          CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
        CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
          geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
          CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
          CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
          CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
        CREATE TABLE "{table}" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom {geometryType}{string.Concat(columns.Select(c => $", \"{c.Name}\" {c.SqlType}"))});
        """;

    private static async Task InsertContentsAsync(SqliteConnection connection, SqliteTransaction transaction,
        string table, string geometryType, IReadOnlyList<ExportFeature> features, CancellationToken ct)
    {
        var envelope = new Envelope();
        foreach (var feature in features)
        {
            envelope.ExpandToInclude(feature.Geometry.EnvelopeInternal);
        }
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id)
            VALUES ($t, 'features', $t, $d, $minx, $miny, $maxx, $maxy, 4326)
            """;
        command.Parameters.AddWithValue("$t", table);
        command.Parameters.AddWithValue("$d", $"{table} ({geometryType.ToLowerInvariant()}), exported by the Planning server");
        command.Parameters.AddWithValue("$minx", envelope.IsNull ? 0 : envelope.MinX);
        command.Parameters.AddWithValue("$miny", envelope.IsNull ? 0 : envelope.MinY);
        command.Parameters.AddWithValue("$maxx", envelope.IsNull ? 0 : envelope.MaxX);
        command.Parameters.AddWithValue("$maxy", envelope.IsNull ? 0 : envelope.MaxY);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task InsertFeaturesAsync(SqliteConnection connection, SqliteTransaction transaction,
        string table, List<Column> columns, IReadOnlyList<ExportFeature> features, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" (geom{string.Concat(columns.Select(c => $", \"{c.Name}\""))}) " +
                              $"VALUES ($geom{string.Concat(columns.Select((_, i) => $", $p{i}"))})";
        var geom = command.Parameters.Add("$geom", SqliteType.Blob);
        var parameters = columns.Select((_, i) => command.Parameters.Add($"$p{i}", SqliteType.Text)).ToList();
        var writer = new GeoPackageGeoWriter();
        foreach (var feature in features)
        {
            var geometry = feature.Geometry is Polygon polygon
                ? new MultiPolygon([polygon], polygon.Factory) { SRID = 4326 }
                : feature.Geometry;
            geometry.SRID = 4326;
            geom.Value = writer.Write(geometry);
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = ValueOf(feature.Properties[columns[i].Name], columns[i].SqlType);
            }
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static object ValueOf(JsonNode? node, string sqlType) => node switch
    {
        null => DBNull.Value,
        JsonValue v when sqlType == "BOOLEAN" => v.GetValue<bool>() ? 1 : 0,
        JsonValue v when sqlType == "INTEGER" => v.TryGetValue<long>(out var l) ? l : v.GetValue<int>(),
        JsonValue v when sqlType == "REAL" => v.GetValue<double>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
