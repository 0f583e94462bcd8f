using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Planning.V1;
using Planning.WebMap.Tests.Infrastructure;
using DataRole = Planning.Server.Data.Role;

namespace Planning.WebMap.Tests;

/// <summary>Taking things away: the catchments, the assignments and the assessment of the view shown, as files.</summary>
public sealed partial class WebMapTests
{
    private static async Task<(byte[] Bytes, string Name)> DownloadAsync(MapPage map, string kind)
    {
        var download = await map.Page.RunAndWaitForDownloadAsync(() => map.Page.ClickAsync($"[data-download='{kind}']"));
        var path = await download.PathAsync();
        return (await File.ReadAllBytesAsync(path), download.SuggestedFilename);
    }

    /// <summary>A CSV file as the page writes it (UTF-8 with BOM, RFC 4180, no quoted line breaks in these files).</summary>
    private static List<string[]> ReadCsv(byte[] bytes)
    {
        Assert.True(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), "no UTF-8 byte-order mark");
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        return [.. text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(SplitCsvLine)];
    }

    private static string[] SplitCsvLine(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                cell.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }
        cells.Add(cell.ToString());
        return [.. cells];
    }

    [Fact]
    public async Task Catchments_download_as_the_servers_GeoJSON_and_GeoPackage_and_as_CSV()
    {
        var term = DefaultRun.Terms[^1];
        await using var map = await fixture.OpenAsync($"run={DefaultRun.Id}&term={term}&part=junior");
        var request = new ExportLayerRequest { Layer = Layer.Catchments, RunId = DefaultRun.Id, Term = term, Part = SchoolPart.Junior };

        var (geojson, geojsonName) = await DownloadAsync(map, "catchments-geojson");
        request.Format = ExportFormat.Geojson;
        var server = await ServerTruth.ReadAsync(fixture.Dataset.ExportLayer(request));
        Assert.Equal(server.Bytes, geojson);
        Assert.EndsWith(".geojson", geojsonName);
        Assert.Contains(term, geojsonName);
        Assert.Contains("junior", geojsonName);

        var (gpkg, gpkgName) = await DownloadAsync(map, "catchments-gpkg");
        Assert.EndsWith(".gpkg", gpkgName);
        request.Format = ExportFormat.Geopackage;
        var serverGpkg = await ServerTruth.ReadAsync(fixture.Dataset.ExportLayer(request));
        Assert.Equal(serverGpkg.FeatureCount, await GeoPackageFeaturesAsync(gpkg));

        var (csvBytes, csvName) = await DownloadAsync(map, "catchments-csv");
        Assert.EndsWith(".csv", csvName);
        var csv = ReadCsv(csvBytes);
        var catchments = await fixture.Simulation.GetCatchmentsAsync(new GetCatchmentsRequest { RunId = DefaultRun.Id, Term = term, Part = SchoolPart.Junior });
        using var doc = JsonDocument.Parse(catchments.FeatureCollectionGeojson);
        var expected = doc.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => $"{f.GetProperty("properties").GetProperty("school_code").GetString()}|{f.GetProperty("properties").GetProperty("students").GetInt32()}");
        Assert.Equal("school_code", csv[0][0]);
        var students = Array.IndexOf(csv[0], "catchment_students");
        Assert.Equal(catchments.FeatureCount, csv.Count - 1);
        Assert.Equal(expected.Order(StringComparer.Ordinal), csv.Skip(1).Select(r => $"{r[0]}|{r[students]}").Order(StringComparer.Ordinal));
        await map.AssertNoErrorsAsync();
    }

    private static async Task<long> GeoPackageFeaturesAsync(byte[] bytes)
    {
        Assert.Equal("SQLite format 3\0", Encoding.ASCII.GetString(bytes, 0, 16));
        var path = Path.Combine(Path.GetTempPath(), $"webmap-{Guid.NewGuid():N}.gpkg");
        await File.WriteAllBytesAsync(path, bytes);
        try
        {
            await using var db = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
            await db.OpenAsync();
            var table = (string)(await new SqliteCommand("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'", db).ExecuteScalarAsync())!;
            return (long)(await new SqliteCommand($"SELECT count(*) FROM \"{table}\"", db).ExecuteScalarAsync())!;
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Assignments_download_as_CSV_and_GeoJSON_with_the_runs_schools_for_every_area()
    {
        var term = DefaultRun.Terms[^1];
        var result = await _truth.TermResultAsync(DefaultRun, term);
        var assignments = result.Assignments.ToDictionary(a => a.AreaCode);
        await using var map = await fixture.OpenAsync($"run={DefaultRun.Id}&term={term}");

        var (csvBytes, _) = await DownloadAsync(map, "assignments-csv");
        var csv = ReadCsv(csvBytes);
        var head = csv[0];
        int Col(string name) => Array.IndexOf(head, name);
        Assert.Equal((await _truth.AreasAsync()).Count, csv.Count - 1);
        foreach (var row in csv.Skip(1))
        {
            var a = assignments[row[Col("area_code")]];
            Assert.Equal(a.SchoolPrimaryCode, row[Col("school_primary_code")]);
            Assert.Equal(a.SchoolJuniorCode, row[Col("school_junior_code")]);
            Assert.Equal(a.Students.Select(s => s.ToString()), Enumerable.Range(1, 9).Select(g => row[Col($"students_grade_{g}")]));
            Assert.Equal(term, row[Col("term")]);
        }

        var (geojsonBytes, name) = await DownloadAsync(map, "assignments-geojson");
        Assert.EndsWith(".geojson", name);
        using var doc = JsonDocument.Parse(geojsonBytes);
        var features = doc.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(csv.Count - 1, features.Count);
        foreach (var f in features)
        {
            var p = f.GetProperty("properties");
            var a = assignments[p.GetProperty("area_code").GetString()!];
            Assert.Equal(a.SchoolPrimaryCode, p.GetProperty("school_primary_code").GetString() ?? "");
            Assert.Contains(f.GetProperty("geometry").GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" });
        }
        // No GeoPackage of a run's assignments: the server has no such export (yet).
        Assert.False(await map.Page.Locator("[data-download='assignments-gpkg']").IsVisibleAsync());
        await map.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task Base_data_assignments_download_as_the_servers_residential_areas_GeoPackage()
    {
        await using var map = await fixture.OpenAsync("run=base");
        Assert.False(await map.Page.Locator("[data-download='catchments-geojson']").IsVisibleAsync()); // needs a run

        var (gpkg, name) = await DownloadAsync(map, "assignments-gpkg");
        Assert.EndsWith(".gpkg", name);
        var server = await ServerTruth.ReadAsync(fixture.Dataset.ExportLayer(new ExportLayerRequest { Layer = Layer.ResidentialAreas, Format = ExportFormat.Geopackage }));
        Assert.Equal(server.FeatureCount, await GeoPackageFeaturesAsync(gpkg));
        await map.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task Assessment_downloads_as_the_servers_CSV_and_SpreadsheetML_for_the_run_and_term_shown()
    {
        var term = DefaultRun.Terms[1];
        await using var map = await fixture.OpenAsync($"run={DefaultRun.Id}&term={term}");
        foreach (var (kind, format) in new[] { ("assessment-csv", AssessmentFormat.Csv), ("assessment-xml", AssessmentFormat.SpreadsheetXml) })
        {
            var (bytes, name) = await DownloadAsync(map, kind);
            var server = await ServerTruth.ReadAsync(fixture.Assessment.ExportAssessment(
                new ExportAssessmentRequest { RunId = DefaultRun.Id, Term = term, Format = format }));
            Assert.Equal(server.FileName, name);
            Assert.Equal(server.Bytes, bytes);
        }
        await map.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task A_viewer_cannot_use_the_servers_exports_but_takes_the_CSV()
    {
        var key = await fixture.CreateKeyAsync(DataRole.Viewer, "下载 viewer");
        await using var map = await fixture.OpenWithKeyAsync(key);
        foreach (var kind in new[] { "catchments-geojson", "catchments-gpkg", "assessment-csv", "assessment-xml" })
        {
            var button = map.Page.Locator($"[data-download='{kind}']");
            Assert.True(await button.IsDisabledAsync(), $"{kind} is enabled for a viewer");
            Assert.Contains("planner", await button.GetAttributeAsync("title") ?? "");
        }
        var (csvBytes, _) = await DownloadAsync(map, "catchments-csv");
        Assert.Equal(await _truth.CatchmentCountAsync(DefaultRun, FirstTerm, SchoolPart.Primary), ReadCsv(csvBytes).Count - 1);
        Assert.DoesNotContain(map.Calls, c => c.Method.Contains("/Export", StringComparison.Ordinal));
        await map.AssertNoErrorsAsync();
    }
}
