using Grpc.Core;
using Planning.V1;

namespace Planning.WebMap.Tests.Infrastructure;

/// <summary>What the gRPC API says the page should show.</summary>
public sealed class ServerTruth(WebMapFixture fixture)
{
    public const string BaseTerm = "2020-autumn";

    public async Task<List<School>> SchoolsAsync()
    {
        var response = await fixture.Schools.ListSchoolsAsync(new ListSchoolsRequest { Page = new PageRequest { PageSize = 1000 } });
        return [.. response.Schools];
    }

    public async Task<List<ResidentialArea>> AreasAsync()
    {
        var response = await fixture.Areas.ListResidentialAreasAsync(new ListResidentialAreasRequest
        {
            IncludeGeometry = true,
            Page = new PageRequest { PageSize = 1000 },
        });
        Assert.True(string.IsNullOrEmpty(response.Page.NextPageToken), "more than 1,000 areas: page on");
        return [.. response.ResidentialAreas];
    }

    /// <summary>The rules in force on the server: its limits and the standard's norms.</summary>
    public Task<Rules> RulesAsync() => fixture.Rules.GetRulesAsync(new GetRulesRequest()).ResponseAsync;

    public async Task<List<Run>> RunsAsync() =>
        [.. (await fixture.Simulation.ListRunsAsync(new ListRunsRequest { Page = new PageRequest { PageSize = 1000 } })).Runs];

    public Task<TermResult> TermResultAsync(Run run, string term) =>
        fixture.Simulation.GetTermResultAsync(new GetTermResultRequest { RunId = run.Id, Term = term }).ResponseAsync;

    /// <summary>Catchments the page must draw: the run's (GetCatchments), else one per school serving the base data's areas.</summary>
    public async Task<int> CatchmentCountAsync(Run? run, string term, SchoolPart part)
    {
        if (run is null)
        {
            var areas = await AreasAsync();
            return areas
                .Select(a => part == SchoolPart.Primary ? a.SchoolPrimaryCode : a.SchoolJuniorCode)
                .Where(c => c.Length > 0)
                .Distinct()
                .Count();
        }
        var catchments = await fixture.Simulation.GetCatchmentsAsync(new GetCatchmentsRequest { RunId = run.Id, Term = term, Part = part });
        return catchments.FeatureCount;
    }

    /// <summary>Enrolment, classes and largest class by grade of a school, as the run (or the base data) has them.</summary>
    public async Task<(int[] Enrolment, int[] Classes, int[] Largest)> SchoolFiguresAsync(Run? run, string term, string code)
    {
        if (run is null)
        {
            var rules = await RulesAsync();
            int Limit(int grade) => rules.GradeBands.Single(b => grade >= b.FirstGrade && grade <= b.LastGrade).ClassLimit;
            var school = await fixture.Schools.GetSchoolAsync(new GetSchoolRequest { Code = code });
            var enrolment = school.Enrolment.ToArray();
            var classes = enrolment.Select((s, i) => s == 0 ? 0 : (s + Limit(i + 1) - 1) / Limit(i + 1)).ToArray();
            var largest = enrolment.Select((s, i) => classes[i] == 0 ? 0 : (s + classes[i] - 1) / classes[i]).ToArray();
            return (enrolment, classes, largest);
        }
        var result = await TermResultAsync(run, term);
        var r = result.Schools.Single(s => s.SchoolCode == code);
        return (Pad(r.Enrolment), Pad(r.Classes), Pad(r.LargestClass));
    }

    /// <summary>Areas whose school changed between two runs in a term, any level (CompareRuns).</summary>
    public async Task<List<string>> ChangedAreasAnyLevelAsync(Run a, Run b, string term)
    {
        var comparison = await fixture.Simulation.CompareRunsAsync(new CompareRunsRequest { RunA = a.Id, RunB = b.Id });
        return [.. comparison.Terms.Single(t => t.Term == term).ChangedAreaCodes.Order(StringComparer.Ordinal)];
    }

    /// <summary>Areas whose school of one level changed between two runs in a term (CompareRuns).</summary>
    public async Task<List<string>> ChangedAreasFromCompareAsync(Run a, Run b, string term, SchoolPart part)
    {
        var comparison = await fixture.Simulation.CompareRunsAsync(new CompareRunsRequest { RunA = a.Id, RunB = b.Id });
        var t = comparison.Terms.Single(t => t.Term == term);
        return [.. (part == SchoolPart.Primary ? t.ChangedPrimaryAreaCodes : t.ChangedJuniorAreaCodes).Order(StringComparer.Ordinal)];
    }

    /// <summary>Areas whose school of one level differs between two runs in a term, from both runs' assignments.</summary>
    public async Task<List<string>> ChangedAreasAsync(Run a, Run b, string term, SchoolPart part)
    {
        var ra = (await TermResultAsync(a, term)).Assignments.ToDictionary(x => x.AreaCode);
        var rb = (await TermResultAsync(b, term)).Assignments.ToDictionary(x => x.AreaCode);
        string School(Dictionary<string, AreaAssignment> r, string code) =>
            r.TryGetValue(code, out var x) ? (part == SchoolPart.Primary ? x.SchoolPrimaryCode : x.SchoolJuniorCode) : "";
        return [.. ra.Keys.Union(rb.Keys).Where(code => School(ra, code) != School(rb, code)).Order(StringComparer.Ordinal)];
    }

    /// <summary>A whole server stream of an export, concatenated.</summary>
    public static async Task<(byte[] Bytes, string FileName, int FeatureCount)> ReadAsync(AsyncServerStreamingCall<ExportLayerResponse> call)
    {
        using var bytes = new MemoryStream();
        string name = "";
        var count = 0;
        await foreach (var chunk in call.ResponseStream.ReadAllAsync())
        {
            if (chunk.FileName.Length > 0)
            {
                name = chunk.FileName;
                count = chunk.FeatureCount;
            }
            chunk.Data.WriteTo(bytes);
        }
        return (bytes.ToArray(), name, count);
    }

    public static Task<(byte[] Bytes, string FileName)> ReadAsync(AsyncServerStreamingCall<ExportReportResponse> call) =>
        ReadFileAsync(call, c => (c.FileName, c.Data));

    public static Task<(byte[] Bytes, string FileName)> ReadAsync(AsyncServerStreamingCall<ExportAssessmentResponse> call) =>
        ReadFileAsync(call, c => (c.FileName, c.Data));

    /// <summary>A streamed file: its chunks joined, and the name the first chunk gives.</summary>
    private static async Task<(byte[] Bytes, string FileName)> ReadFileAsync<T>(AsyncServerStreamingCall<T> call, Func<T, (string FileName, Google.Protobuf.ByteString Data)> chunkOf)
    {
        using var bytes = new MemoryStream();
        string name = "";
        await foreach (var chunk in call.ResponseStream.ReadAllAsync())
        {
            var (fileName, data) = chunkOf(chunk);
            if (fileName.Length > 0)
            {
                name = fileName;
            }
            data.WriteTo(bytes);
        }
        return (bytes.ToArray(), name);
    }

    private static int[] Pad(IEnumerable<int> values)
    {
        var a = values.ToArray();
        return [.. Enumerable.Range(0, 9).Select(i => i < a.Length ? a[i] : 0)];
    }
}
