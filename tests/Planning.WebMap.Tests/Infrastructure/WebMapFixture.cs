using Grpc.Core;
using Microsoft.Playwright;
using Planning.Server.Tests.Infrastructure;
using Planning.V1;

namespace Planning.WebMap.Tests.Infrastructure;

/// <summary>
/// One server with the Baodi data (imported through gRPC), the Baodi runs when the server can
/// simulate, and one headless Debian Chromium, shared by the tests of a class. Every page gets its
/// own browser context (its own localStorage), so a key one test stores or forgets does not leak
/// into the next. Missing prerequisites fail the tests with the command that provides them; nothing is skipped.
/// </summary>
public sealed class WebMapFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public WebMapServer Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public SchoolService.SchoolServiceClient Schools { get; private set; } = null!;

    public ResidentialAreaService.ResidentialAreaServiceClient Areas { get; private set; } = null!;

    public SimulationService.SimulationServiceClient Simulation { get; private set; } = null!;

    /// <summary>AccessService with the admin key (to list and revoke keys).</summary>
    public AccessService.AccessServiceClient Access { get; private set; } = null!;

    /// <summary>The "after" run (redistribution) of the Baodi data; null while the server answers UNIMPLEMENTED.</summary>
    public Run? AfterRun { get; private set; }

    /// <summary>The "before" run (every area keeps its school); null while the server answers UNIMPLEMENTED.</summary>
    public Run? BeforeRun { get; private set; }

    public bool RunsAvailable => AfterRun is not null;

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

        var imported = await TinyDataset.Upload(new DatasetService.DatasetServiceClient(channel), TinyDataset.BaodiLayers());
        Assert.True(imported.Schools > 0 && imported.ResidentialAreas > 0, "the Baodi data did not import");

        // "before" first, so that "after" is the newest run: the one the page opens.
        BeforeRun = await TryRunAsync(RunMode.KeepCurrent, "before");
        if (BeforeRun is not null)
        {
            AfterRun = await TryRunAsync(RunMode.Redistribute, "after");
        }

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

    /// <summary>Runs a simulation to its end; null when the server does not simulate yet.</summary>
    private async Task<Run?> TryRunAsync(RunMode mode, string label)
    {
        try
        {
            using var call = Simulation.RunSimulation(new RunSimulationRequest { Mode = mode, Label = label },
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
        catch (RpcException e) when (e.StatusCode == StatusCode.Unimplemented)
        {
            return null;
        }
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
        if (!File.Exists(index))
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
    public async Task<MapPage> OpenWithKeyAsync(string key, string hash = "")
    {
        var map = await NewPageAsync();
        await map.Page.GotoAsync(AddressWith(hash, key));
        await map.WaitReadyAsync();
        return map;
    }

    /// <summary>The page's address with fragment parameters (and a key as the sign-in link puts it, last).</summary>
    public string AddressWith(string hash = "", string? key = null)
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
        return Server.WebAddress + (parts.Count > 0 ? "#" + string.Join("&", parts) : "");
    }

    /// <summary>
    /// A new page in a browser context of its own (empty localStorage: no key stored), not yet
    /// navigated, recording console errors, uncaught exceptions and the API calls it makes.
    /// </summary>
    public async Task<MapPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
            Locale = "zh-CN",
        });
        context.SetDefaultTimeout(30_000);
        return new MapPage(await context.NewPageAsync());
    }

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
