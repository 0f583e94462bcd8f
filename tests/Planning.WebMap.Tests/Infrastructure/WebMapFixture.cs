using Grpc.Core;
using Microsoft.Playwright;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;

namespace Planning.WebMap.Tests.Infrastructure;

/// <summary>
/// One server with the Baodi data (imported through gRPC), its runs "before" and "after", and one
/// headless Debian Chromium, shared by the tests of a class. Every page gets its own browser context
/// (its own localStorage), so a key one test stores or forgets does not leak into the next. Missing
/// prerequisites, or a service the server does not offer, fail the tests; nothing is skipped.
/// </summary>
public sealed class WebMapFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The browser's time zone (Baodi's), so that a test can write the times the page shows.</summary>
    public const string TimeZone = "Asia/Shanghai";

    private IPlaywright? _playwright;

    public WebMapServer Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public SchoolService.SchoolServiceClient Schools { get; private set; } = null!;

    public ResidentialAreaService.ResidentialAreaServiceClient Areas { get; private set; } = null!;

    public SimulationService.SimulationServiceClient Simulation { get; private set; } = null!;

    /// <summary>AccessService with the admin key (to list and revoke keys).</summary>
    public AccessService.AccessServiceClient Access { get; private set; } = null!;

    public ScenarioService.ScenarioServiceClient Scenarios { get; private set; } = null!;

    public AssessmentService.AssessmentServiceClient Assessment { get; private set; } = null!;

    public DatasetService.DatasetServiceClient Dataset { get; private set; } = null!;

    public GeographyService.GeographyServiceClient Geography { get; private set; } = null!;

    public RulesService.RulesServiceClient Rules { get; private set; } = null!;

    public ReportService.ReportServiceClient Reports { get; private set; } = null!;

    public PlannerService.PlannerServiceClient Planner { get; private set; } = null!;

    /// <summary>The "after" run (redistribution) of the Baodi base data: the newest redistribution, which the page opens.</summary>
    public Run AfterRun { get; private set; } = null!;

    /// <summary>The "before" run (every area keeps its school) of the Baodi base data.</summary>
    public Run BeforeRun { get; private set; } = null!;

    /// <summary>A scenario of its own (to 2021-autumn), made after the base data's runs.</summary>
    public Scenario Scenario { get; private set; } = null!;

    /// <summary>
    /// The scenario's run: "keep current", so that the newest redistribution is still the base data's
    /// "after"; and the newest run of all, newer than "before".
    /// </summary>
    public Run ScenarioRun { get; private set; } = null!;

    public static string ScreenshotFolder { get; } = Path.Combine(RepoPaths.Root, ".run", "screenshots");

    public async Task InitializeAsync()
    {
        CheckPrerequisites();
        try
        {
            await StartAsync();
        }
        catch
        {
            // xunit does not dispose a fixture whose start failed: drop the database and close Chromium here.
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync()
    {
        Server = await WebMapServer.StartAsync();
        var channel = Server.CreateChannel();
        Schools = new SchoolService.SchoolServiceClient(channel);
        Areas = new ResidentialAreaService.ResidentialAreaServiceClient(channel);
        Simulation = new SimulationService.SimulationServiceClient(channel);
        Access = new AccessService.AccessServiceClient(channel);
        Scenarios = new ScenarioService.ScenarioServiceClient(channel);
        Assessment = new AssessmentService.AssessmentServiceClient(channel);
        Dataset = new DatasetService.DatasetServiceClient(channel);
        Geography = new GeographyService.GeographyServiceClient(channel);
        Rules = new RulesService.RulesServiceClient(channel);
        Reports = new ReportService.ReportServiceClient(channel);
        Planner = new PlannerService.PlannerServiceClient(channel);

        var imported = await TinyDataset.Upload(Dataset, TinyDataset.BaodiLayers());
        Assert.True(imported.Schools > 0 && imported.ResidentialAreas > 0, "the Baodi data did not import");

        // "before" first, so that "after" is the newest run: the one the page opens.
        BeforeRun = await RunAsync(RunMode.KeepCurrent, "before");
        AfterRun = await RunAsync(RunMode.Redistribute, "after");
        Scenario = await CreateScenarioAsync("测试方案 test scenario");
        ScenarioRun = await RunAsync(RunMode.KeepCurrent, "scenario before", Scenario.Id);

        _playwright = await Playwright.CreateAsync();
        // A fresh temporary profile, removed by Playwright when the browser closes.
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>A scenario of the base data without changes, simulated from 2020-autumn to 2021-autumn (three terms: quick).</summary>
    public Task<Scenario> CreateScenarioAsync(string name) =>
        Scenarios.CreateScenarioAsync(new CreateScenarioRequest
        {
            Name = name,
            Settings = new ScenarioSettings { StartTerm = "2020-autumn", HorizonTerm = "2021-autumn" },
        }).ResponseAsync;

    /// <summary>Runs a simulation to its end (of the base data, or of a scenario) and returns the run the server stored.</summary>
    public async Task<Run> RunAsync(RunMode mode, string label, string scenarioId = "")
    {
        using var call = Simulation.RunSimulation(new RunSimulationRequest { Mode = mode, Label = label, ScenarioId = scenarioId },
            deadline: DateTime.UtcNow.AddMinutes(5));
        Run? finished = null;
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            if (call.ResponseStream.Current.EventCase == RunSimulationResponse.EventOneofCase.Finished)
            {
                finished = call.ResponseStream.Current.Finished;
            }
        }
        Assert.True(finished is not null, $"RunSimulation({mode}) ended without a finished run");
        Assert.Equal(RunStatus.Succeeded, finished!.Status);
        return finished;
    }

    private static void CheckPrerequisites()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing. Install Debian's Chromium and CJK fonts: `scripts/prereqs test` " +
                "(or `sudo apt-get install chromium fonts-noto-cjk`). The tests never download a browser.");
        }
        var index = Path.Combine(RepoPaths.Root, "src", "Planning.Server", "wwwroot", "index.html");
        if (!File.Exists(index) || !File.Exists(Path.Combine(RepoPaths.Root, "src", "Planning.Server", "wwwroot", "test-hooks.js")))
        {
            throw new InvalidOperationException(
                $"{index} is missing: the web map is not built. Build it with `web/build.sh` (npm ci + npm run build).");
        }
    }

    /// <summary>
    /// The web map signed in with the admin key, as the sign-in link of `planning web-link` opens it
    /// (the key in the URL fragment), ready: the first drawing done.
    /// </summary>
    /// <param name="hash">Other fragment parameters, e.g. "run=…&amp;term=…&amp;part=junior".</param>
    public Task<MapPage> OpenAsync(string hash = "") => OpenWithKeyAsync(Server.AdminKey, hash);

    /// <summary>A new key of a role, made in the server's database as the server's `keys create` command makes it.</summary>
    public Task<string> CreateKeyAsync(Planning.Server.Data.Role role, string name) => TestKeys.CreateAsync(Server.Services, role, name);

    /// <summary>The web map opened with a key in the fragment, ready.</summary>
    public async Task<MapPage> OpenWithKeyAsync(string key, string hash = "", int width = 1600, int height = 1000, WebMapServer? server = null)
    {
        var map = await NewPageAsync(width: width, height: height);
        await map.Page.GotoAsync(AddressWith(hash, key, server));
        await map.WaitReadyAsync();
        return map;
    }

    /// <summary>The page's address (on this fixture's server or <paramref name="server"/>) with fragment parameters (and a key as the sign-in link puts it, last).</summary>
    public string AddressWith(string hash = "", string? key = null, WebMapServer? server = null)
    {
        var parts = new List<string>();
        if (hash.TrimStart('#') is { Length: > 0 } h)
        {
            parts.Add(h);
        }
        if (key is not null)
        {
            parts.Add("key=" + Uri.EscapeDataString(key));
        }
        return (server ?? Server).WebAddress + (parts.Count > 0 ? "#" + string.Join("&", parts) : "");
    }

    /// <summary>
    /// A new page in a browser context of its own (empty localStorage: no key stored), not yet
    /// navigated, recording console errors, uncaught exceptions and the API calls it makes.
    /// With <paramref name="hooks"/> the page gets the test hooks (window.planningMap): the separate
    /// entry /test-hooks.js, which the page never loads itself, imported once the document is parsed.
    /// </summary>
    public async Task<MapPage> NewPageAsync(bool hooks = true, int width = 1600, int height = 1000)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
            TimezoneId = TimeZone,
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(30_000);
        if (hooks)
        {
            await context.AddInitScriptAsync(TestHooksScript);
        }
        return new MapPage(await context.NewPageAsync());
    }

    /// <summary>Loads the page's test hooks (built by web/build.sh to /test-hooks.js) into a page, after the page's own module.</summary>
    public const string TestHooksScript =
        "if (location.pathname === '/') document.addEventListener('DOMContentLoaded', () => import('/test-hooks.js'));";

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
