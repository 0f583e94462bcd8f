using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Planning.DataGen.Sources;

/// <summary>Reads the open-data files copied into <c>data/geo/sources</c> (see SOURCES.md there).</summary>
public static class SourceLoader
{
    public const string DistrictFile = "baodi_district_osm.geojson";
    public const string TownshipsFile = "baodi_townships_nbs2023.csv";
    public const string SeatsFile = "baodi_town_seats.csv";
    public const string CensusFile = "baodi_census2020_county.csv";

    public static SourceData Load(string sourcesDirectory)
    {
        var seats = ReadSeats(Path.Combine(sourcesDirectory, SeatsFile));
        var centre = seats.Values.Single(s => s.Quality == "district_centre_gcj02_converted");
        return new SourceData(
            ReadDistrictOutline(Path.Combine(sourcesDirectory, DistrictFile)),
            ReadTownships(Path.Combine(sourcesDirectory, TownshipsFile)),
            seats,
            new Coordinate(centre.Longitude!.Value, centre.Latitude!.Value),
            ReadCensus(Path.Combine(sourcesDirectory, CensusFile)));
    }

    private static Polygon ReadDistrictOutline(string path)
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        var collection = JsonSerializer.Deserialize<FeatureCollection>(File.ReadAllText(path), options)
            ?? throw new InvalidDataException($"{path} holds no FeatureCollection");
        return collection.Single().Geometry as Polygon
            ?? throw new InvalidDataException($"{path}: the district outline is not a single Polygon");
    }

    /// <summary>The 6 streets (code 0xx) and 18 towns (1xx); development zones (4xx) are skipped.</summary>
    private static List<Township> ReadTownships(string path) =>
        CsvLines.ReadRecords(path)
            .Select(r => (Code: r["code"], Name: r["name"]))
            .Where(r => r.Code[6] is '0' or '1')
            .Select(r => new Township(r.Code, r.Name, r.Code[6] == '0'))
            .OrderBy(t => t.Code, StringComparer.Ordinal)
            .ToList();

    private static Dictionary<string, TownSeat> ReadSeats(string path)
    {
        var seats = new Dictionary<string, TownSeat>(StringComparer.Ordinal);
        foreach (var record in CsvLines.ReadRecords(path))
        {
            seats[record["name_zh"]] = new TownSeat(
                record["name_zh"],
                ParseOptional(record["lon"]),
                ParseOptional(record["lat"]),
                record["quality"]);
        }

        return seats;
    }

    private static double? ParseOptional(string text) =>
        text.Length == 0 ? null : double.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>Reads the "#name: COLUMNS" / "name: VALUES" pairs of the census file.</summary>
    private static CensusFigures ReadCensus(string path)
    {
        var tables = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        string[]? header = null;
        foreach (var line in File.ReadAllLines(path))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var values = line[(colon + 1)..].Trim().Split(',');
            if (line.StartsWith('#'))
            {
                header = values;
                continue;
            }

            if (header is null)
            {
                throw new InvalidDataException($"{path}: values before a header line");
            }

            tables[line[..colon]] = header.Zip(values).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        }

        var population = tables["population"];
        return new CensusFigures(
            population["CODE"],
            population["NAME"],
            int.Parse(population["POPU"], CultureInfo.InvariantCulture),
            double.Parse(population["POPU_URB"], CultureInfo.InvariantCulture),
            double.Parse(tables["households"]["HHLD_S"], CultureInfo.InvariantCulture));
    }
}
